package org.jbp.partner.entity;

import java.util.Objects;
import java.util.Optional;

/**
 * A Salesforce Account id. Accepts the 15-character case-sensitive form or the 18-character
 * case-safe form (whose 3-character suffix is verified), and always holds the 18-character form,
 * so the same account never appears under two ids.
 */
public final class PartnerAccountId {

    private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
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
        if (raw.length() == 18 && !suffixOf(raw.substring(0, 15)).equalsIgnoreCase(raw.substring(15))) {
            return "the 18-character id's checksum does not match (expected suffix "
                    + suffixOf(raw.substring(0, 15)) + ")";
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
        String id15 = raw.substring(0, 15);
        return Optional.of(new PartnerAccountId(id15 + suffixOf(id15)));
    }

    /** Salesforce's case-safe suffix: one letter per 5 characters, a bit per upper-case letter. */
    static String suffixOf(String id15) {
        StringBuilder suffix = new StringBuilder(3);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id15.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            suffix.append(SUFFIX_ALPHABET.charAt(bits));
        }
        return suffix.toString();
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
