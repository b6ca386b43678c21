package org.jbp.crm.salesforce;

import org.jbp.crm.SalesforceId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jbp.crm.mapping.FilterValue;

/**
 * Renders values as SOQL literals following Salesforce's quoted string escape sequences,
 * so no value, whatever it contains, can end a string literal early.
 */
public final class SoqlLiterals {

    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private SoqlLiterals() {
    }

    /** {@code 'text'} with backslash, quotes and control characters escaped. */
    public static String quote(String text) {
        return "'" + escape(text, false) + "'";
    }

    /** A quoted LIKE operand matching {@code text} literally: also escapes the wildcards {@code %} and {@code _}. */
    public static String quoteForLikeLiterally(String text) {
        return "'" + escape(text, true) + "'";
    }

    /** A quoted LIKE pattern whose {@code %} and {@code _} stay wildcards, everything else escaped. */
    public static String quoteLikePattern(String pattern) {
        return quote(pattern);
    }

    static String escape(String text, boolean escapeWildcards) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '%', '_' -> out.append(escapeWildcards ? "\\" + c : String.valueOf(c));
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** An id literal; the id is validated first, so this never needs escaping but gets it anyway. */
    public static String id(String salesforceId) {
        return quote(SalesforceId.require(salesforceId, "Id"));
    }

    public static String date(LocalDate day) {
        return day.toString();
    }

    /** A dateTime literal in UTC, second precision. */
    public static String dateTime(Instant instant) {
        return DATETIME.format(instant);
    }

    /** The typed value from a KPI mapping filter as a literal. */
    public static String of(FilterValue value) {
        if (value instanceof FilterValue.Text text) {
            return quote(text.value());
        } else if (value instanceof FilterValue.Bool bool) {
            return Boolean.toString(bool.value());
        } else if (value instanceof FilterValue.Number number) {
            return number(number.value());
        } else if (value instanceof FilterValue.Day day) {
            return date(day.value());
        } else {
            return "null";
        }
    }

    public static String number(BigDecimal number) {
        return number.toPlainString();
    }
}
