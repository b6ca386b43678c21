package org.jbp.crm.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses one filter line such as {@code Status IN ('Approved', 'Paid')} into a typed {@link FieldFilter}.
 * Deliberately small: one field, one operator, literals only, so no descriptor can smuggle SOQL into a query.
 */
final class FilterParser {

    static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)?");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final String text;
    private int position;

    private FilterParser(String text) {
        this.text = text;
    }

    /** @throws IllegalArgumentException with a message that says what was expected where */
    static FieldFilter parse(String text) {
        return new FilterParser(text).filter();
    }

    /** A comma-separated list of quoted texts, {@code 'Pre-Sales', 'Presales'}, with the filters' escapes. */
    static List<String> texts(String text) {
        FilterParser parser = new FilterParser(text);
        List<String> values = new ArrayList<>();
        do {
            parser.skipSpaces();
            if (parser.position >= text.length() || text.charAt(parser.position) != '\'') {
                throw parser.problem("expected quoted text like 'Pre-Sales' at column " + (parser.position + 1));
            }
            values.add(parser.quoted());
            parser.skipSpaces();
        } while (parser.accept(','));
        if (parser.position < text.length()) {
            throw parser.problem("unexpected '" + text.substring(parser.position) + "' after the values");
        }
        return values;
    }

    private FieldFilter filter() {
        skipSpaces();
        String field = field();
        skipSpaces();
        FieldFilter.Operator operator = operator();
        skipSpaces();
        List<FilterValue> values = new ArrayList<>();
        if (operator.takesList()) {
            expect('(');
            do {
                skipSpaces();
                values.add(value());
                skipSpaces();
            } while (accept(','));
            expect(')');
        } else {
            values.add(value());
        }
        skipSpaces();
        if (position < text.length()) {
            throw problem("unexpected '" + text.substring(position) + "' after the value");
        }
        if (operator == FieldFilter.Operator.LIKE && !(values.get(0) instanceof FilterValue.Text)) {
            throw problem("LIKE needs a quoted text value");
        }
        for (FilterValue value : values) {
            if (value instanceof FilterValue.Null && operator != FieldFilter.Operator.EQUALS
                    && operator != FieldFilter.Operator.NOT_EQUALS) {
                throw problem("null can only be compared with = or !=");
            }
        }
        return new FieldFilter(field, operator, values);
    }

    private String field() {
        int start = position;
        while (position < text.length() && (Character.isLetterOrDigit(text.charAt(position))
                || text.charAt(position) == '_' || text.charAt(position) == '.')) {
            position++;
        }
        String field = text.substring(start, position);
        if (!FIELD.matcher(field).matches()) {
            throw problem("expected a field name (letters, digits, _, at most one relationship dot) at column "
                    + (start + 1));
        }
        return field;
    }

    private FieldFilter.Operator operator() {
        String rest = text.substring(position);
        String upper = rest.toUpperCase(Locale.ROOT);
        if (upper.matches("^NOT\\s+IN\\b[\\s\\S]*")) {
            position += upper.indexOf("IN") + 2;
            return FieldFilter.Operator.NOT_IN;
        }
        for (String word : List.of("IN", "LIKE")) {
            if (upper.startsWith(word) && (upper.length() == word.length()
                    || !Character.isLetterOrDigit(upper.charAt(word.length())))) {
                position += word.length();
                return word.equals("IN") ? FieldFilter.Operator.IN : FieldFilter.Operator.LIKE;
            }
        }
        for (FieldFilter.Operator operator : List.of(FieldFilter.Operator.NOT_EQUALS,
                FieldFilter.Operator.LESS_OR_EQUAL, FieldFilter.Operator.GREATER_OR_EQUAL,
                FieldFilter.Operator.EQUALS, FieldFilter.Operator.LESS, FieldFilter.Operator.GREATER)) {
            if (rest.startsWith(operator.symbol())) {
                position += operator.symbol().length();
                return operator;
            }
        }
        throw problem("expected an operator (= != < <= > >= LIKE IN NOT IN) at column " + (position + 1));
    }

    private FilterValue value() {
        if (position >= text.length()) {
            throw problem("expected a value at the end");
        }
        if (text.charAt(position) == '\'') {
            return new FilterValue.Text(quoted());
        }
        int start = position;
        while (position < text.length() && !Character.isWhitespace(text.charAt(position))
                && text.charAt(position) != ',' && text.charAt(position) != ')') {
            position++;
        }
        String token = text.substring(start, position);
        switch (token.toLowerCase(Locale.ROOT)) {
            case "true":
                return new FilterValue.Bool(true);
            case "false":
                return new FilterValue.Bool(false);
            case "null":
                return new FilterValue.Null();
            default:
                break;
        }
        if (DATE.matcher(token).matches()) {
            try {
                return new FilterValue.Day(LocalDate.parse(token));
            } catch (DateTimeParseException e) {
                throw problem("'" + token + "' is not a valid date");
            }
        }
        if (NUMBER.matcher(token).matches()) {
            return new FilterValue.Number(new BigDecimal(token));
        }
        throw problem("'" + token + "' is not a value: quote text as 'text', or use true, false, null,"
                + " a number or a date like 2026-01-31");
    }

    private String quoted() {
        int start = position;
        position++;
        StringBuilder value = new StringBuilder();
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '\'') {
                return value.toString();
            }
            if (c == '\\') {
                if (position >= text.length()) {
                    break;
                }
                char escaped = text.charAt(position++);
                switch (escaped) {
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case 'r' -> value.append('\r');
                    case '\'', '\\', '"' -> value.append(escaped);
                    default -> throw problem("unknown escape \\" + escaped + " in text at column " + position);
                }
            } else {
                value.append(c);
            }
        }
        throw problem("text starting at column " + (start + 1) + " is not closed with '");
    }

    private void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private boolean accept(char c) {
        if (position < text.length() && text.charAt(position) == c) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!accept(c)) {
            throw problem("expected '" + c + "' at column " + (position + 1));
        }
    }

    private IllegalArgumentException problem(String message) {
        return new IllegalArgumentException(message);
    }
}
