package org.jbp.sfsim.soql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Recursive-descent parser for the SOQL subset the simulator serves; errors carry row and column. */
final class Parser {

    static final Set<String> FUNCTIONS = Set.of("COUNT", "COUNT_DISTINCT", "SUM", "AVG", "MIN", "MAX",
            "CALENDAR_YEAR", "CALENDAR_QUARTER", "CALENDAR_MONTH", "FISCAL_YEAR", "FISCAL_QUARTER", "DAY_ONLY",
            "DAY_IN_MONTH");

    private static final Set<String> DATE_FUNCTIONS = Set.of("CALENDAR_YEAR", "CALENDAR_QUARTER", "CALENDAR_MONTH",
            "FISCAL_YEAR", "FISCAL_QUARTER", "DAY_ONLY", "DAY_IN_MONTH");

    private static final Set<String> RESERVED = Set.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "LIKE",
            "GROUP", "BY", "ORDER", "ASC", "DESC", "NULLS", "FIRST", "LAST", "LIMIT", "OFFSET", "HAVING", "NULL",
            "TRUE", "FALSE", "USING", "WITH", "FOR", "INCLUDES", "EXCLUDES");

    private final String soql;
    private final List<Token> tokens;
    private int i;

    Parser(String soql) {
        this.soql = soql;
        this.tokens = new Lexer(soql).tokenize();
    }

    Ast.Query parse() {
        expectKeyword("SELECT");
        List<Ast.SelectItem> select = new ArrayList<>();
        boolean countOnly = false;
        do {
            Ast.SelectItem item = selectItem();
            if (item.operand().isFunction() && item.operand().function().equalsIgnoreCase("COUNT")
                    && item.operand().path() == null) {
                countOnly = true;
            }
            select.add(item);
        } while (accept(Token.Kind.COMMA));
        if (countOnly && select.size() > 1) {
            throw SoqlErrors.malformed(soql, select.get(0).operand().at(),
                    "COUNT() and other fields cannot be selected together");
        }
        expectKeyword("FROM");
        Token from = expect(Token.Kind.IDENT);
        if (peek().kind() == Token.Kind.IDENT && !isReserved(peek()) ) {
            throw SoqlErrors.unexpected(soql, peek());
        }
        if (peek().is("USING")) {
            throw SoqlErrors.malformed(soql, peek(), "USING SCOPE is not supported by the simulator");
        }
        Ast.Condition where = null;
        if (acceptKeyword("WHERE")) {
            where = condition();
        }
        if (peek().is("WITH")) {
            throw SoqlErrors.malformed(soql, peek(), "WITH is not supported by the simulator");
        }
        List<Ast.Operand> groupBy = new ArrayList<>();
        if (acceptKeyword("GROUP")) {
            expectKeyword("BY");
            if (peek().is("ROLLUP") || peek().is("CUBE")) {
                throw SoqlErrors.malformed(soql, peek(), "GROUP BY " + peek().text() + " is not supported by the simulator");
            }
            do {
                groupBy.add(operand());
            } while (accept(Token.Kind.COMMA));
        }
        if (peek().is("HAVING")) {
            throw SoqlErrors.malformed(soql, peek(), "HAVING is not supported by the simulator");
        }
        List<Ast.OrderItem> orderBy = new ArrayList<>();
        if (acceptKeyword("ORDER")) {
            expectKeyword("BY");
            do {
                Ast.Operand op = operand();
                boolean desc = false;
                if (acceptKeyword("DESC")) {
                    desc = true;
                } else {
                    acceptKeyword("ASC");
                }
                Boolean nullsFirst = null;
                if (acceptKeyword("NULLS")) {
                    if (acceptKeyword("FIRST")) {
                        nullsFirst = Boolean.TRUE;
                    } else {
                        expectKeyword("LAST");
                        nullsFirst = Boolean.FALSE;
                    }
                }
                orderBy.add(new Ast.OrderItem(op, desc, nullsFirst));
            } while (accept(Token.Kind.COMMA));
        }
        Integer limit = null;
        if (acceptKeyword("LIMIT")) {
            limit = nonNegativeInt();
        }
        Integer offset = null;
        if (acceptKeyword("OFFSET")) {
            offset = nonNegativeInt();
        }
        if (peek().is("FOR")) {
            throw SoqlErrors.malformed(soql, peek(), "FOR VIEW/UPDATE/REFERENCE is not supported by the simulator");
        }
        if (peek().kind() != Token.Kind.EOF) {
            throw SoqlErrors.unexpected(soql, peek());
        }
        return new Ast.Query(select, countOnly, from, where, groupBy, orderBy, limit, offset);
    }

    private int nonNegativeInt() {
        Token t = expect(Token.Kind.NUMBER);
        try {
            int n = Integer.parseInt(t.text());
            if (n < 0) {
                throw SoqlErrors.unexpected(soql, t);
            }
            return n;
        } catch (NumberFormatException e) {
            throw SoqlErrors.unexpected(soql, t);
        }
    }

    private Ast.SelectItem selectItem() {
        if (peek().kind() == Token.Kind.LPAREN) {
            throw SoqlErrors.malformed(soql, peek(), "subqueries are not supported by the simulator");
        }
        Ast.Operand op = operand();
        String alias = null;
        if (peek().kind() == Token.Kind.IDENT && !isReserved(peek())) {
            Token a = next();
            if (a.text().contains(".")) {
                throw SoqlErrors.unexpected(soql, a);
            }
            alias = a.text();
        }
        return new Ast.SelectItem(op, alias);
    }

    private Ast.Operand operand() {
        Token t = expect(Token.Kind.IDENT);
        if (peek().kind() == Token.Kind.LPAREN) {
            String fn = t.text().toUpperCase(Locale.ROOT);
            if (!FUNCTIONS.contains(fn)) {
                throw SoqlErrors.malformed(soql, t, "Unknown function: " + t.text());
            }
            next();
            String path = null;
            boolean userTimeZone = false;
            if (peek().kind() == Token.Kind.IDENT && peek().text().equalsIgnoreCase("convertTimezone")) {
                // "you can only use convertTimezone() in a date function" (SOQL and SOSL Reference, convertTimezone())
                Token convert = next();
                if (!DATE_FUNCTIONS.contains(fn)) {
                    throw SoqlErrors.malformed(soql, convert, "convertTimezone() can only be used in a date function");
                }
                expect(Token.Kind.LPAREN);
                path = expect(Token.Kind.IDENT).text();
                expect(Token.Kind.RPAREN);
                userTimeZone = true;
            } else if (peek().kind() == Token.Kind.IDENT) {
                path = next().text();
            } else if (!fn.equals("COUNT")) {
                throw SoqlErrors.unexpected(soql, peek());
            }
            expect(Token.Kind.RPAREN);
            return new Ast.Operand(fn, path, t, userTimeZone);
        }
        if (isReserved(t)) {
            throw SoqlErrors.unexpected(soql, t);
        }
        return new Ast.Operand(null, t.text(), t);
    }

    /** SOQL does not let AND and OR mix at one level without parentheses. */
    private Ast.Condition condition() {
        List<Ast.Condition> parts = new ArrayList<>();
        parts.add(unary());
        String joiner = null;
        while (peek().is("AND") || peek().is("OR")) {
            Token op = next();
            String kind = op.text().toUpperCase(Locale.ROOT);
            if (joiner != null && !joiner.equals(kind)) {
                throw SoqlErrors.unexpected(soql, op);
            }
            joiner = kind;
            parts.add(unary());
        }
        if (joiner == null) {
            return parts.get(0);
        }
        return joiner.equals("AND") ? new Ast.And(parts) : new Ast.Or(parts);
    }

    private Ast.Condition unary() {
        if (acceptKeyword("NOT")) {
            return new Ast.Not(unary());
        }
        if (accept(Token.Kind.LPAREN)) {
            Ast.Condition inner = condition();
            expect(Token.Kind.RPAREN);
            return inner;
        }
        Ast.Operand left = operand();
        Token t = peek();
        if (t.is("NOT")) {
            next();
            expectKeyword("IN");
            return new Ast.InList(left, true, list());
        }
        if (t.is("IN")) {
            next();
            return new Ast.InList(left, false, list());
        }
        if (t.is("LIKE")) {
            next();
            Ast.Literal p = literal();
            return new Ast.Like(left, p);
        }
        if (t.is("INCLUDES") || t.is("EXCLUDES")) {
            throw SoqlErrors.malformed(soql, t, t.text() + " is not supported by the simulator");
        }
        Token op = expect(Token.Kind.OPERATOR);
        return new Ast.Compare(left, op.text(), literal());
    }

    private List<Ast.Literal> list() {
        Token open = peek();
        expect(Token.Kind.LPAREN);
        if (peek().is("SELECT")) {
            throw SoqlErrors.malformed(soql, open, "semi-join subqueries are not supported by the simulator");
        }
        List<Ast.Literal> values = new ArrayList<>();
        do {
            values.add(literal());
        } while (accept(Token.Kind.COMMA));
        expect(Token.Kind.RPAREN);
        return values;
    }

    private Ast.Literal literal() {
        Token t = next();
        switch (t.kind()) {
            case STRING:
                return new Ast.Literal(t.kind(), t.text(), t.likeText(), null, 0, t);
            case NUMBER:
            case DATE:
            case DATETIME:
                return new Ast.Literal(t.kind(), t.text(), null, null, 0, t);
            case IDENT:
                if (t.is("null") || t.is("true") || t.is("false")) {
                    return new Ast.Literal(t.kind(), t.text(), null, null, 0, t);
                }
                String name = t.text().toUpperCase(Locale.ROOT);
                if (DateLiterals.isParameterized(name)) {
                    expect(Token.Kind.COLON);
                    Token n = expect(Token.Kind.NUMBER);
                    try {
                        return new Ast.Literal(t.kind(), t.text(), null, name, Integer.parseInt(n.text()), t);
                    } catch (NumberFormatException e) {
                        throw SoqlErrors.unexpected(soql, n);
                    }
                }
                if (DateLiterals.isKnown(name)) {
                    return new Ast.Literal(t.kind(), t.text(), null, name, 0, t);
                }
                throw SoqlErrors.unexpected(soql, t);
            default:
                throw SoqlErrors.unexpected(soql, t);
        }
    }

    private boolean isReserved(Token t) {
        return RESERVED.contains(t.text().toUpperCase(Locale.ROOT));
    }

    private Token peek() {
        return tokens.get(i);
    }

    private Token next() {
        Token t = tokens.get(i);
        if (t.kind() != Token.Kind.EOF) {
            i++;
        }
        return t;
    }

    private boolean accept(Token.Kind kind) {
        if (peek().kind() == kind) {
            next();
            return true;
        }
        return false;
    }

    private boolean acceptKeyword(String keyword) {
        if (peek().is(keyword)) {
            next();
            return true;
        }
        return false;
    }

    private Token expect(Token.Kind kind) {
        Token t = peek();
        if (t.kind() != kind) {
            throw SoqlErrors.unexpected(soql, t);
        }
        return next();
    }

    private void expectKeyword(String keyword) {
        Token t = peek();
        if (!t.is(keyword)) {
            throw SoqlErrors.unexpected(soql, t);
        }
        next();
    }
}
