package org.jbp.people.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * What the directory knows about one person: the name shown beside their id, their email, and whether Salesforce
 * has them as an active user ({@code null}: not known). {@code updatedAt} is when a source last confirmed it.
 */
public record Person(PersonId id, String name, String email, Boolean active, PersonSource source, Instant updatedAt) {

    public Person {
        Objects.requireNonNull(id, "id is required");
        Objects.requireNonNull(source, "source is required");
        Objects.requireNonNull(updatedAt, "updatedAt is required");
        name = clamp(blankToNull(name));
        email = clamp(blankToNull(email));
    }

    /**
     * The person as they just signed in: a token or Canvas context names them and they are evidently active. A token
     * without an email keeps the email Salesforce gave.
     */
    public Person signedIn(String newName, String newEmail, PersonSource via, Instant at) {
        String mail = blankToNull(newEmail);
        return new Person(id, newName, mail != null ? mail : email, Boolean.TRUE, via, at);
    }

    /** Whether {@code other} would show the person differently; where the news came from does not count. */
    public boolean differsFrom(Person other) {
        return !Objects.equals(name, other.name) || !Objects.equals(email, other.email)
                || !Objects.equals(active, other.active);
    }

    public boolean confirmedBefore(Instant cutoff) {
        return updatedAt.isBefore(cutoff);
    }

    /** The directory's columns hold 255 characters; a longer token claim is cut rather than lost. */
    static final int MAX_LENGTH = 255;

    private static String clamp(String s) {
        return s == null || s.length() <= MAX_LENGTH ? s : s.substring(0, MAX_LENGTH);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
