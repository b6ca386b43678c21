package org.jbp.crm.salesforce;

import com.sforce.ws.bind.XmlObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** Reads typed values out of WSC's partner records, where a field may be a string, a typed value or xsi:nil. */
final class Records {

    private Records() {
    }

    /** The value at {@code path} ("Name" or "Owner.Name"), empty when null or absent. */
    static Optional<String> text(XmlObject record, String path) {
        XmlObject current = record;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1 && current != null; i++) {
            current = current.getChild(parts[i]);
        }
        if (current == null) {
            return Optional.empty();
        }
        Object value = current.getField(parts[parts.length - 1]);
        if (value == null) {
            return Optional.empty();
        }
        String text = value.toString();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    static BigDecimal decimal(XmlObject record, String field) {
        Object value = record.getField(field);
        if (value == null || value.toString().isEmpty()) {
            return BigDecimal.ZERO;
        }
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d);
        }
        if (value instanceof Float f) {
            return BigDecimal.valueOf(f.doubleValue());
        }
        return new BigDecimal(value.toString()).stripTrailingZeros();
    }

    static long whole(XmlObject record, String field) {
        return decimal(record, field).longValueExact();
    }

    static Optional<Instant> instant(XmlObject record, String field) {
        Object value = record.getField(field);
        if (value instanceof java.util.Calendar calendar) {
            return Optional.of(calendar.toInstant());
        }
        if (value instanceof java.util.Date date) {
            return Optional.of(date.toInstant());
        }
        return text(record, field).map(Records::parseInstant);
    }

    private static Instant parseInstant(String value) {
        // Salesforce writes 2026-01-31T10:15:00.000Z; accept offsets too.
        return java.time.OffsetDateTime.parse(value).toInstant();
    }
}
