package org.jbp.sfsim.soql;

import java.util.List;

/** The parsed, not yet resolved, form of a SOQL statement. */
final class Ast {

    private Ast() {
    }

    /** A field path (Name, Account.Name) or a function over one (SUM(Amount), COUNT()). */
    record Operand(String function, String path, Token at, boolean userTimeZone) {
        Operand(String function, String path, Token at) {
            this(function, path, at, false);
        }

        boolean isFunction() {
            return function != null;
        }

        String key() {
            String inner = path == null ? "" : userTimeZone ? "converttimezone(" + path.toLowerCase() + ")"
                    : path.toLowerCase();
            return (function == null ? "" : function.toUpperCase() + "(") + inner + (function == null ? "" : ")");
        }
    }

    record SelectItem(Operand operand, String alias) {
    }

    record OrderItem(Operand operand, boolean descending, Boolean nullsFirst) {
    }

    record Literal(Token.Kind kind, String text, String likeText, String relative, int n, Token at) {
        boolean isNull() {
            return kind == Token.Kind.IDENT && relative == null && text.equalsIgnoreCase("null");
        }

        boolean isBoolean() {
            return kind == Token.Kind.IDENT && relative == null
                    && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"));
        }
    }

    sealed interface Condition permits And, Or, Not, Compare, InList, Like {
    }

    record And(List<Condition> parts) implements Condition {
    }

    record Or(List<Condition> parts) implements Condition {
    }

    record Not(Condition inner) implements Condition {
    }

    record Compare(Operand left, String operator, Literal value) implements Condition {
    }

    record InList(Operand left, boolean negated, List<Literal> values) implements Condition {
    }

    record Like(Operand left, Literal pattern) implements Condition {
    }

    record Query(List<SelectItem> select, boolean countOnly, Token from, Condition where, List<Operand> groupBy,
                 List<OrderItem> orderBy, Integer limit, Integer offset) {
    }
}
