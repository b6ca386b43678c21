package org.jbp.sfsim.soql;

/** A lexical token with its 1-based position in the SOQL text. */
record Token(Kind kind, String text, String likeText, int offset, int row, int column) {

    enum Kind { IDENT, STRING, NUMBER, DATE, DATETIME, LPAREN, RPAREN, COMMA, COLON, OPERATOR, EOF }

    boolean is(String keyword) {
        return kind == Kind.IDENT && text.equalsIgnoreCase(keyword);
    }

    /** How Salesforce names a token in "unexpected token" messages. */
    String display() {
        return switch (kind) {
            case EOF -> "<EOF>";
            case STRING -> "'" + text + "'";
            default -> text;
        };
    }
}
