package org.jbp.sfsim.store;

/** Field types as describeSObject names them, with the XML schema type the partner API uses for values. */
public enum FieldType {
    ID("id", "tns:ID"),
    REFERENCE("reference", "tns:ID"),
    STRING("string", "xsd:string"),
    TEXTAREA("textarea", "xsd:string"),
    PICKLIST("picklist", "xsd:string"),
    EMAIL("email", "xsd:string"),
    BOOLEAN("boolean", "xsd:boolean"),
    CURRENCY("currency", "xsd:double"),
    DOUBLE("double", "xsd:double"),
    PERCENT("percent", "xsd:double"),
    INT("int", "xsd:int"),
    DATE("date", "xsd:date"),
    DATETIME("datetime", "xsd:dateTime");

    private final String describeName;
    private final String soapType;

    FieldType(String describeName, String soapType) {
        this.describeName = describeName;
        this.soapType = soapType;
    }

    public String describeName() {
        return describeName;
    }

    public String soapType() {
        return soapType;
    }

    public boolean isText() {
        return this == STRING || this == TEXTAREA || this == PICKLIST || this == EMAIL;
    }

    public boolean isIdLike() {
        return this == ID || this == REFERENCE;
    }

    public boolean isNumeric() {
        return this == CURRENCY || this == DOUBLE || this == PERCENT || this == INT;
    }
}
