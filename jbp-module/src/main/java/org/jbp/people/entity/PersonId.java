package org.jbp.people.entity;

import java.util.Objects;
import java.util.Optional;
import org.jbp.crm.SalesforceId;

/**
 * Whom a stored id names. A Salesforce id is held in its 18-character form, so the 15-character id a token or an
 * admin gave and the 18-character one Salesforce answers with are the same person; any other token subject is
 * kept as it is (an identity provider may use its own ids), and is never sent to Salesforce.
 */
public final class PersonId {

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
        return Optional.of(SalesforceId.parse(id).map(v -> new PersonId(v, true)).orElseGet(() -> new PersonId(id, false)));
    }

    /** The key the directory stores. */
    public String value() {
        return value;
    }

    /** A Salesforce User id (key prefix 005, valid checksum): one the sync may look up in Salesforce. */
    public boolean isSalesforceUser() {
        return salesforce && value.startsWith(USER_KEY_PREFIX);
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
