package org.jbp.sfsim.store;

/**
 * A failure of a whole API call, reported as a SOAP fault with {@code sf:<exceptionCode>}.
 * Row and column are 1-based positions in the SOQL text, or -1 when not applicable.
 */
public class ApiFaultException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String exceptionCode;
    private final FaultKind kind;
    private final int row;
    private final int column;

    public ApiFaultException(String exceptionCode, String message, FaultKind kind) {
        this(exceptionCode, message, kind, -1, -1);
    }

    public ApiFaultException(String exceptionCode, String message, FaultKind kind, int row, int column) {
        super(message);
        this.exceptionCode = exceptionCode;
        this.kind = kind;
        this.row = row;
        this.column = column;
    }

    public String exceptionCode() {
        return exceptionCode;
    }

    public FaultKind kind() {
        return kind;
    }

    public int row() {
        return row;
    }

    public int column() {
        return column;
    }

    /** The faultstring: code, colon, message, as Salesforce writes it. */
    public String faultString() {
        return exceptionCode + ": " + getMessage();
    }

    public static ApiFaultException invalidType(String object) {
        return new ApiFaultException("INVALID_TYPE", "sObject type '" + object + "' is not supported. If you are "
                + "attempting to use a custom object, be sure to append the '__c' after the entity name. Please "
                + "reference your WSDL or the describe call for the appropriate names.", FaultKind.INVALID_SOBJECT);
    }

    public static ApiFaultException noSuchColumn(String field, String object) {
        return new ApiFaultException("INVALID_FIELD", noSuchColumnMessage(field, object), FaultKind.INVALID_FIELD);
    }

    public static String noSuchColumnMessage(String field, String object) {
        return "No such column '" + field + "' on entity '" + object + "'. If you are attempting to use a custom "
                + "field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the "
                + "describe call for the appropriate names.";
    }
}
