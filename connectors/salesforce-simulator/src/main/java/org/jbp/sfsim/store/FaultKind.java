package org.jbp.sfsim.store;

/** The fault detail elements the partner WSDL defines; WSC maps each to its own exception class. */
public enum FaultKind {
    UNEXPECTED_ERROR("UnexpectedErrorFault", false),
    LOGIN("LoginFault", false),
    INVALID_QUERY_LOCATOR("InvalidQueryLocatorFault", false),
    INVALID_ID("InvalidIdFault", false),
    API_QUERY("ApiQueryFault", true),
    MALFORMED_QUERY("MalformedQueryFault", true),
    INVALID_FIELD("InvalidFieldFault", true),
    INVALID_SOBJECT("InvalidSObjectFault", true);

    private final String element;
    private final boolean hasRowAndColumn;

    FaultKind(String element, boolean hasRowAndColumn) {
        this.element = element;
        this.hasRowAndColumn = hasRowAndColumn;
    }

    public String element() {
        return element;
    }

    public boolean hasRowAndColumn() {
        return hasRowAndColumn;
    }
}
