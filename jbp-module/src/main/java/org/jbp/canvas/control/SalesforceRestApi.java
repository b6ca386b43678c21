package org.jbp.canvas.control;

import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Salesforce's REST API as the Canvas user sees it. The base URL is the signed request's instanceUrl, set per
 * call through RestClientBuilder; the {@code Authorization} header carries the user's own OAuth token, so
 * Salesforce's sharing rules decide every answer.
 */
@RegisterRestClient(configKey = "salesforce-rest")
@Path("/services/data/v64.0")
@Produces(MediaType.APPLICATION_JSON)
public interface SalesforceRestApi {

    @GET
    @Path("sobjects/User/{id}")
    JsonObject user(@PathParam("id") String id, @HeaderParam("Authorization") String authorization);

    @GET
    @Path("sobjects/Account/{id}")
    JsonObject account(@PathParam("id") String id, @HeaderParam("Authorization") String authorization);

    @GET
    @Path("query")
    JsonObject query(@QueryParam("q") String soql, @HeaderParam("Authorization") String authorization);
}
