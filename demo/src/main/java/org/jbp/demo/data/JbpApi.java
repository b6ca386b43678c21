package org.jbp.demo.data;

/**
 * The module's REST API as the loader needs it: a method, a path under the context root's API, a bearer token.
 * An interface so the loader's choices can be checked without a server.
 */
public interface JbpApi {

    /** The status, body and ETag of one answer. */
    record Reply(int status, String body, String etag) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * Sends one request.
     *
     * @param path    below {@code /jbp/api/v1}, e.g. {@code /plans}
     * @param body    JSON, or null for none
     * @param ifMatch the ETag a PATCH is based on, or null
     */
    Reply send(String method, String path, String token, String body, String ifMatch);

    default Reply get(String path, String token) {
        return send("GET", path, token, null, null);
    }
}
