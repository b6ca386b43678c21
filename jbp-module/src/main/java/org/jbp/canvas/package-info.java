/**
 * The Salesforce Canvas entry point and the plan tab.
 *
 * <p><b>How the tab authenticates.</b> Salesforce POSTs a {@code signed_request} to {@code /jbp/canvas}.
 * It is verified before anything in it is decoded (HMAC-SHA256 over the still-encoded payload with the
 * connected app's consumer secret, constant-time compare, algorithm HMACSHA256, {@code issuedAt} inside
 * {@code jbp.canvas.issued-at-window}, each signature accepted once, organization
 * {@code jbp.canvas.organization-id}); anything else is a 401 with nothing rendered. The user's identity
 * comes from the verified context plus look-ups made with the user's own OAuth token against Salesforce's
 * REST API, so Salesforce's sharing decides which account the tab may open.
 *
 * <p>The page then receives a short-lived (at most 15 minutes) MicroProfile JWT signed with a key the module
 * generates at start-up. {@link org.jbp.security.ModuleKeyConfigSource} publishes that key next to the
 * admin's own API key as the JWKS in {@code mp.jwt.verify.publickey}, so the unchanged REST API under
 * {@code /api/v1} trusts both. The token lives only in the page's memory and travels in the
 * {@code Authorization} header: no cookie, nothing the browser attaches by itself, so there is nothing for
 * CSRF to ride on. {@code POST /api/v1/canvas/session} trades a still-valid tab token for a fresh one, up
 * to the session's absolute end ({@code jbp.canvas.session-max-age}); after that the tab asks the user to
 * reopen it, which makes Salesforce sign a new request.
 *
 * <p>Depends on platform and security; reads partners through the partner feature for the demo login.
 */
package org.jbp.canvas;
