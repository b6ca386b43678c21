package org.jbp.platform;


/** Page and size query parameters, read as strings so a bad value is a 422 naming the parameter. */
public final class Paging {

    private Paging() {
    }

    public static int number(String name, String value, int fallback, int min, int max) {
        return org.jbp.platform.QueryParams.number(name, value, fallback, min, max);
    }
}
