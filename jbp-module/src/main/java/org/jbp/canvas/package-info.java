/**
 * The Salesforce Canvas entry point and the plan tab.
 *
 * <p><b>How the tab authenticates.</b> Salesforce POSTs a {@code signed_request} to {@code /jbp/canvas}.
 * It is verified before anything in it is decoded (HMAC-SHA256 over the still-encoded payload with the
 * connected app's consumer secret, constant-time compare, algorithm HMACSHA256, organization
 * {@code jbp.canvas.organization-id}), then its OAuth token is checked live against the instance (the
 * user look-up the tab makes anyway, remembered per token for {@code jbp.canvas.token-check-ttl}); anything
 * else, a token Salesforce no longer accepts included, is a 401 with nothing rendered. {@code issuedAt} is
 * not checked (Salesforce documents it as "for internal use only" and may send null), and the same request
 * may be posted twice (a reload does that). The user's identity comes from the verified context plus
 * look-ups made with the user's own OAuth token against Salesforce's REST API, so Salesforce's sharing
 * decides which account the tab may open. Partner users arrive from an Experience Cloud site with
 * {@code siteUrl}/{@code siteUrlPrefix} in the context and are scoped to their contact's account.
 *
 * <p>The page then receives a short-lived (at most 15 minutes) MicroProfile JWT signed with a key the module
 * generates at start-up. {@link org.jbp.security.ModuleKeyConfigSource} publishes that key next to the
 * admin's own API key as the JWKS in {@code mp.jwt.verify.publickey}, so the unchanged REST API under
 * {@code /api/v1} trusts both. The token lives only in the page's memory and travels in the
 * {@code Authorization} header: no cookie, nothing the browser attaches by itself, so there is nothing for
 * CSRF to ride on. Before the token expires the page asks the Canvas SDK, loaded from the org
 * ({@code /canvas/sdk/js/<version>/canvas-all.js}), for a fresh signed request with
 * {@code refreshSignedRequest} and trades it at {@code POST /api/v1/canvas/session} for the next token; once
 * the user's Salesforce session has ended that fails and the tab asks to be reopened.
 *
 * <p>The tab opens a plan with one read ({@code GET /plans/{id}/tab}, {@code boundary.PlanTabResource}) that
 * puts together the views of the plan, approval, kpi, review, report and template features, each built by its
 * own endpoint's code. Depends on those and on platform and security; reads partners through the partner
 * feature for the demo login.
 */
package org.jbp.canvas;
