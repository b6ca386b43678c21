package org.jbp.platform;


/** Page and size query parameters, read as strings so a bad value is a 422 naming the parameter. */
public final class Paging {

    private Paging() {
    }

    public static int number(String name, String value, int fallback, int min, int max) {
        return org.jbp.platform.QueryParams.number(name, value, fallback, min, max);
    }

    public static java.util.UUID uuid(String what, String value) {
        try {
            return java.util.UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(what + " " + value);
        }
    }
}
