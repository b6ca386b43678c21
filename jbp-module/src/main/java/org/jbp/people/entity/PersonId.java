package org.jbp.people.entity;

import java.util.Objects;
import java.util.Optional;

/**
 * Whom a stored id names. A Salesforce id is held in its 18-character form, so the 15-character id a token or an
 * admin gave and the 18-character one Salesforce answers with are the same person; any other token subject is
 * kept as it is (an identity provider may use its own ids), and is never sent to Salesforce.
 */
public final class PersonId {

    private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    private static final String USER_KEY_PREFIX = "005";

    private final String value;
    private final boolean salesforce;

    private PersonId(String value, boolean salesforce) {
        this.value = value;
        this.salesforce = salesforce;
    }

    /** Empty for a null or blank id, or one longer than any stored id column (255): nobody to name. */
    public static Optional<PersonId> of(String raw) {
        if (raw == null || raw.isBlank() || raw.trim().length() > 255) {
            return Optional.empty();
        }
        String id = raw.trim();
        return Optional.of(salesforce18(id).map(v -> new PersonId(v, true)).orElseGet(() -> new PersonId(id, false)));
    }

    /** The key the directory stores. */
    public String value() {
        return value;
    }

    /** A Salesforce User id (key prefix 005, valid checksum): one the sync may look up in Salesforce. */
    public boolean isSalesforceUser() {
        return salesforce && value.startsWith(USER_KEY_PREFIX);
    }

    private static Optional<String> salesforce18(String id) {
        if (id.length() != 15 && id.length() != 18) {
            return Optional.empty();
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return Optional.empty();
            }
        }
        String base = id.substring(0, 15);
        String full = base + suffix(base);
        if (id.length() == 18 && !full.substring(15).equalsIgnoreCase(id.substring(15))) {
            return Optional.empty();
        }
        return Optional.of(full);
    }

    private static String suffix(String id15) {
        StringBuilder suffix = new StringBuilder(3);
        for (int block = 0; block < 3; block++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id15.charAt(block * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            suffix.append(SUFFIX_ALPHABET.charAt(bits));
        }
        return suffix.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PersonId other && other.value.equals(value);
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
