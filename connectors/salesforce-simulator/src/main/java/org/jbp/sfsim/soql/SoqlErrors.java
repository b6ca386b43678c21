package org.jbp.sfsim.soql;

import org.jbp.sfsim.store.ApiFaultException;
import org.jbp.sfsim.store.FaultKind;

/** Builds SOQL faults with the caret display and "ERROR at Row:r:Column:c" Salesforce puts in the message. */
final class SoqlErrors {

    private SoqlErrors() {
    }

    static ApiFaultException malformed(String soql, int row, int column, String message) {
        return at(soql, row, column, "MALFORMED_QUERY", FaultKind.MALFORMED_QUERY, message);
    }

    static ApiFaultException malformed(String soql, Token t, String message) {
        return malformed(soql, t.row(), t.column(), message);
    }

    static ApiFaultException unexpected(String soql, Token t) {
        return malformed(soql, t, "unexpected token: " + t.display());
    }

    static ApiFaultException invalidField(String soql, int row, int column, String message) {
        return at(soql, row, column, "INVALID_FIELD", FaultKind.INVALID_FIELD, message);
    }

    static ApiFaultException invalidType(String soql, int row, int column, String object) {
        ApiFaultException plain = ApiFaultException.invalidType(object);
        return at(soql, row, column, "INVALID_TYPE", FaultKind.INVALID_SOBJECT, plain.getMessage());
    }

    static ApiFaultException at(String soql, int row, int column, String code, FaultKind kind, String message) {
        String[] lines = soql.split("\n", -1);
        String line = row >= 1 && row <= lines.length ? lines[row - 1] : "";
        String caret = " ".repeat(Math.max(0, column - 1)) + "^";
        String text = "\n" + abbreviate(line) + "\n" + caret + "\nERROR at Row:" + row + ":Column:" + column + "\n"
                + message;
        return new ApiFaultException(code, text, kind, row, column);
    }

    private static String abbreviate(String line) {
        return line.length() > 2000 ? line.substring(0, 2000) : line;
    }
}
