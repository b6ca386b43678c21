package org.jbp.crm;

import java.util.Optional;

/**
 * Salesforce record ids: 15 case-sensitive characters, or 18 with a case-insensitive checksum suffix. The one
 * place that knows the format: the connector checks every id that reaches a query here (so a crafted "id" can never
 * change a query's meaning), and the module's id values (accounts, people) hold the 18-character form it gives.
 */
public final class SalesforceId {

    private static final String CHECKSUM_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    private SalesforceId() {
    }

    /** The 18-character form of a valid 15- or 18-character id; empty if {@code candidate} is not a valid id. */
    public static Optional<String> parse(String candidate) {
        if (candidate == null || (candidate.length() != 15 && candidate.length() != 18)) {
            return Optional.empty();
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            boolean asciiAlphanumeric = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!asciiAlphanumeric) {
                return Optional.empty();
            }
        }
        String base = candidate.substring(0, 15);
        String full = base + checksum(base);
        if (candidate.length() == 18 && !full.substring(15).equalsIgnoreCase(candidate.substring(15))) {
            return Optional.empty();
        }
        return Optional.of(full);
    }

    /** Like {@link #parse} but fails with a message naming {@code what} was expected. */
    public static String require(String candidate, String what) {
        return parse(candidate).orElseThrow(() -> new IllegalArgumentException(
                what + " '" + candidate + "' is not a valid Salesforce id (15 or 18 letters and digits, valid checksum)"));
    }

    /** The three checksum characters: one per 5-character block, one bit per upper-case letter. */
    public static String checksum(String fifteenCharacters) {
        StringBuilder suffix = new StringBuilder(3);
        for (int block = 0; block < 3; block++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = fifteenCharacters.charAt(block * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            suffix.append(CHECKSUM_ALPHABET.charAt(bits));
        }
        return suffix.toString();
    }
}
