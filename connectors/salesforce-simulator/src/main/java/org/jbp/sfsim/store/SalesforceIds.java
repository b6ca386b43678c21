package org.jbp.sfsim.store;

/**
 * Salesforce record ids: a 3-character key prefix, an instance part, a base-62 sequence and the
 * 3-character case-safe suffix that lets case-insensitive systems tell ids apart.
 */
public final class SalesforceIds {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String SUFFIX = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    private static final String INSTANCE = "Dn";
    private static final int SEQUENCE_DIGITS = 10;

    private SalesforceIds() {
    }

    /** The 18-character id of the record number {@code sequence} of the object with this key prefix. */
    public static String of(String keyPrefix, long sequence) {
        char[] id = new char[18];
        keyPrefix.getChars(0, 3, id, 0);
        id[3] = INSTANCE.charAt(0);
        id[4] = INSTANCE.charAt(1);
        long n = sequence;
        for (int i = 14; i >= 5; i--) {
            id[i] = BASE62.charAt((int) (n % 62));
            n /= 62;
        }
        appendSuffix(id);
        return new String(id);
    }

    /** The sequence encoded in an id made by {@link #of}, or -1 when the id is not one of ours. */
    public static long sequenceOf(String id) {
        if (id == null || (id.length() != 15 && id.length() != 18)
                || id.charAt(3) != INSTANCE.charAt(0) || id.charAt(4) != INSTANCE.charAt(1)) {
            return -1;
        }
        long n = 0;
        for (int i = 5; i < 15; i++) {
            int d = BASE62.indexOf(id.charAt(i));
            if (d < 0) {
                return -1;
            }
            n = n * 62 + d;
        }
        return n;
    }

    /** True for a syntactically valid 15-character id or an 18-character id with a matching suffix. */
    public static boolean isValid(String id) {
        if (id == null || (id.length() != 15 && id.length() != 18)) {
            return false;
        }
        for (int i = 0; i < 15; i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return id.length() == 15 || to18(id.substring(0, 15)).equalsIgnoreCase(id);
    }

    /** The 18-character form of a valid id. */
    public static String to18(String id) {
        if (id.length() == 18) {
            return id.substring(0, 15) + suffixOf(id);
        }
        char[] full = new char[18];
        id.getChars(0, 15, full, 0);
        appendSuffix(full);
        return new String(full);
    }

    private static String suffixOf(String id) {
        char[] full = new char[18];
        id.getChars(0, 15, full, 0);
        appendSuffix(full);
        return new String(full, 15, 3);
    }

    private static void appendSuffix(char[] id) {
        for (int chunk = 0; chunk < 3; chunk++) {
            int flags = 0;
            for (int j = 0; j < 5; j++) {
                char c = id[chunk * 5 + j];
                if (c >= 'A' && c <= 'Z') {
                    flags |= 1 << j;
                }
            }
            id[15 + chunk] = SUFFIX.charAt(flags);
        }
    }
}
