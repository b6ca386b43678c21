package org.jbp.sfsim.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.Date;

/**
 * Converts between wire text or Java values and the stored representation of each field type, and
 * formats stored values the way the partner API writes them (12500.0, 2024-03-31, 2024-03-31T08:00:00.000Z).
 */
public final class Values {

    private static final DateTimeFormatter DATETIME_OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Values() {
    }

    /** Thrown when a value does not fit its field; becomes a per-record error. */
    public static final class ConversionException extends Exception {
        private static final long serialVersionUID = 1L;

        ConversionException(String message) {
            super(message, null, false, false);
        }
    }

    /** The stored form of {@code value} for {@code field}; null stays null. */
    public static Object toStored(FieldDef field, Object value) throws ConversionException {
        if (value == null) {
            return null;
        }
        try {
            switch (field.type()) {
                case BOOLEAN:
                    if (value instanceof Boolean b) {
                        return b;
                    }
                    String s = value.toString().trim();
                    if (s.equalsIgnoreCase("true") || s.equals("1")) {
                        return Boolean.TRUE;
                    }
                    if (s.equalsIgnoreCase("false") || s.equals("0")) {
                        return Boolean.FALSE;
                    }
                    throw wrongType(field, value);
                case CURRENCY:
                case DOUBLE:
                case PERCENT:
                    if (value instanceof Number n) {
                        return n.doubleValue();
                    }
                    String d = value.toString().trim();
                    return d.isEmpty() ? null : Double.valueOf(new BigDecimal(d).doubleValue());
                case INT:
                    if (value instanceof Number n) {
                        return n.intValue();
                    }
                    String i = value.toString().trim();
                    return i.isEmpty() ? null : Integer.valueOf(new BigDecimal(i).intValueExact());
                case DATE:
                    return toDate(value);
                case DATETIME:
                    return toInstant(value);
                case ID:
                case REFERENCE:
                    String id = value.toString().trim();
                    if (id.isEmpty()) {
                        return null;
                    }
                    if (!SalesforceIds.isValid(id)) {
                        throw new ConversionException(field.label() + ": id value of incorrect type: " + id);
                    }
                    return SalesforceIds.to18(id);
                default:
                    String text = value.toString();
                    if (field.length() > 0 && text.length() > field.length()) {
                        throw new ConversionException(field.label() + ": data value too large: " + abbreviate(text)
                                + " (max length=" + field.length() + ")");
                    }
                    return text.isEmpty() ? null : text;
            }
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            throw wrongType(field, value);
        }
    }

    private static ConversionException wrongType(FieldDef field, Object value) {
        return new ConversionException(field.label() + ": value not of required type: " + value);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    private static LocalDate toDate(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof Instant || value instanceof Date || value instanceof Calendar
                || value instanceof OffsetDateTime || value instanceof ZonedDateTime) {
            return LocalDate.ofInstant(toInstant(value), ZoneOffset.UTC);
        }
        String s = value.toString().trim();
        if (s.isEmpty()) {
            return null;
        }
        // WSC writes a Calendar for date fields as a full dateTime; Salesforce keeps the date part.
        return s.length() > 10 ? LocalDate.ofInstant(toInstant(s), ZoneOffset.UTC) : LocalDate.parse(s);
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i.truncatedTo(ChronoUnit.MILLIS);
        }
        if (value instanceof Date d) {
            return d.toInstant();
        }
        if (value instanceof Calendar c) {
            return c.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant().truncatedTo(ChronoUnit.MILLIS);
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant().truncatedTo(ChronoUnit.MILLIS);
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        String s = value.toString().trim();
        if (s.isEmpty()) {
            return null;
        }
        if (s.length() == 10) {
            return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (s.endsWith("Z") || s.matches(".*[+-]\\d{2}:?\\d{2}$")) {
            return OffsetDateTime.parse(s.replaceAll("([+-]\\d{2})(\\d{2})$", "$1:$2")).toInstant()
                    .truncatedTo(ChronoUnit.MILLIS);
        }
        return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    /** The wire text of a stored value. */
    public static String format(Object stored) {
        if (stored instanceof Instant i) {
            return DATETIME_OUT.format(i);
        }
        if (stored instanceof Double d) {
            return formatDouble(d);
        }
        return stored.toString();
    }

    /** Doubles as Salesforce writes them: 12500.0, 1.0E7 style only for very large values. */
    public static String formatDouble(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return ((long) d) + ".0";
        }
        return Double.toString(d);
    }
}
