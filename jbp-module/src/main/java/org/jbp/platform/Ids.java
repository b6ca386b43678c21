package org.jbp.platform;

import java.util.UUID;

/** Ids in paths: one that is not even a UUID names nothing, so it answers 404 like an unknown one. */
public final class Ids {

    private Ids() {
    }

    public static UUID uuid(String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound(what + " " + value);
        }
    }
}
