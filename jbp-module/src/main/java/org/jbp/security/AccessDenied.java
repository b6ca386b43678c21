package org.jbp.security;

/**
 * The caller may not do this: a domain failure of the security layer, which knows nothing of HTTP; platform's
 * problem mapping answers it 403.
 */
public class AccessDenied extends RuntimeException {

    public AccessDenied(String detail) {
        super(detail);
    }
}
