package org.jbp.outbox.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jbp.outbox.control.OutboxRetries;
import org.jbp.outbox.entity.OutboxEntry;
import org.jbp.outbox.entity.OutboxRetry;
import org.jbp.platform.Ids;
import org.jbp.platform.Paging;
import org.jbp.platform.ProblemException;
import org.jbp.security.CurrentUser;
import org.jbp.security.Roles;

/**
 * The CRM writes that need an admin: FAILED ones and those backing off after an error, with the record each one
 * targets, and sending them again one by one or all at once, every retry recorded.
 */
@Path("crm/write-failures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RolesAllowed(Roles.ADMIN)
public class CrmWriteFailuresResource {

    @Inject
    OutboxRetries retries;
    @Inject
    CurrentUser user;

    /**
     * The Salesforce record a write creates or changes: its object, the external id it is upserted on, its
     * Salesforce id once known, and the record it belongs to (the partner account, the task's related record).
     */
    public record TargetView(String object, String externalId, String crmId, String relatedId) {
        static TargetView of(OutboxEntry e) {
            String object = switch (e.kind()) {
                case TIER_CHANGE -> "ChannelProgramMember";
                case FUND_REQUEST_UPSERT, FUND_REQUEST_CANCEL -> "PartnerFundRequest";
                case TASK_UPSERT, TASK_CLOSE -> "Task";
            };
            return new TargetView(object, e.externalId(), e.crmId(), related(e));
        }

        private static String related(OutboxEntry e) {
            try (var reader = Json.createReader(new StringReader(e.payload()))) {
                JsonObject p = reader.readObject();
                String key = p.containsKey("whatId") ? "whatId" : "partnerId";
                return p.containsKey(key) && !p.isNull(key) ? p.getString(key) : null;
            } catch (RuntimeException unreadable) {
                // the delivery pass parks a write whose payload cannot be read; here it just has no related record
                return null;
            }
        }
    }

    public record FailureView(UUID id, String kind, String status, int attempts, String lastErrorCode,
                              String lastErrorMessage, Instant nextAttemptAt, Instant createdAt, String planId,
                              TargetView target, long retries) {
        static FailureView of(OutboxEntry e, long retries) {
            return new FailureView(e.id(), e.kind().name(), e.status().name(), e.attempts(), e.lastErrorCode(),
                    e.lastErrorMessage(), e.nextAttemptAt(), e.createdAt(), e.planId() == null ? null : e.planId().toString(), TargetView.of(e), retries);
        }
    }

    public record FailurePage(List<FailureView> items, int page, int size, long total) {
    }

    public record RetryView(String retriedBy, Instant retriedAt, String previousStatus, int attempts,
                            String errorCode, String errorMessage) {
        static RetryView of(OutboxRetry r) {
            return new RetryView(r.retriedBy(), r.retriedAt(), r.previousStatus().name(), r.attempts(),
                    r.errorCode(), r.errorMessage());
        }
    }

    @GET
    @Operation(summary = "Writes that stopped: FAILED first, then those backing off after an error; newest first")
    public FailurePage list(@QueryParam("page") String page, @QueryParam("size") String size) {
        int p = Paging.number("page", page, 0, 0, 1_000_000);
        int s = Paging.number("size", size, 50, 1, 500);
        OutboxRetries.Page result = retries.failures(p, s);
        return new FailurePage(result.items().stream()
                .map(e -> FailureView.of(e, result.retries().getOrDefault(e.id(), 0L))).toList(), p, s, result.total());
    }

    @POST
    @Path("retries")
    @Operation(summary = "Send every stopped write again on the next delivery pass (at most 500 per call); "
            + "writes a delivery pass holds right now are left to it")
    public OutboxRetries.RetriedAll retryAll() {
        return retries.retryAll(user.id());
    }

    @POST
    @Path("{id}/retries")
    @Operation(summary = "Send one stopped write again on the next delivery pass; the retry is recorded")
    @APIResponse(responseCode = "409", description = "Delivered, discarded, already due or being delivered now")
    public FailureView retry(@PathParam("id") String id) {
        OutboxEntry write = retries.retry(Ids.uuid(id, "CRM write"), user.id());
        return FailureView.of(write, retries.history(write.id()).size());
    }

    @GET
    @Path("{id}/retries")
    @Operation(summary = "Who sent this write again, when, and the error it had stopped with; newest first")
    public List<RetryView> history(@PathParam("id") String id) {
        UUID writeId = Ids.uuid(id, "CRM write");
        if (retries.find(writeId).isEmpty()) {
            throw ProblemException.notFound("CRM write " + id);
        }
        return retries.history(writeId).stream().map(RetryView::of).toList();
    }
}
