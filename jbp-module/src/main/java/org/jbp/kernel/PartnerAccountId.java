package org.jbp.kernel;

import java.util.Objects;
import java.util.Optional;
import org.jbp.crm.SalesforceId;

/**
 * A Salesforce Account id. Accepts the 15-character case-sensitive form or the 18-character
 * case-safe form (whose 3-character suffix is verified), and always holds the 18-character form,
 * so the same account never appears under two ids.
 */
public final class PartnerAccountId {

    private final String value;

    private PartnerAccountId(String value18) {
        this.value = value18;
    }

    public static PartnerAccountId of(String raw) {
        return parse(raw).orElseThrow(() -> new IllegalArgumentException(problemWith(raw)));
    }

    public static Optional<PartnerAccountId> tryParse(String raw) {
        return parse(raw);
    }

    /** Why a string is not an account id, for error messages; null when it is one. */
    public static String problemWith(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "a Salesforce account id is required";
        }
        if (raw.length() != 15 && raw.length() != 18) {
            return "a Salesforce id has 15 or 18 characters, not " + raw.length();
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return "a Salesforce id has only letters and digits";
            }
        }
        if (SalesforceId.parse(raw).isEmpty()) {
            return "the 18-character id's checksum does not match (expected suffix "
                    + SalesforceId.checksum(raw.substring(0, 15)) + ")";
        }
        if (!raw.startsWith("001")) {
            return "an Account id starts with 001";
        }
        return null;
    }

    private static Optional<PartnerAccountId> parse(String raw) {
        if (problemWith(raw) != null) {
            return Optional.empty();
        }
        return SalesforceId.parse(raw).map(PartnerAccountId::new);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartnerAccountId other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
