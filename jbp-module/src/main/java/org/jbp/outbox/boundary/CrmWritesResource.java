package org.jbp.outbox.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jbp.outbox.control.OutboxDelivery;
import org.jbp.outbox.control.OutboxRetries;
import org.jbp.outbox.control.OutboxStore;
import org.jbp.outbox.entity.OutboxEntry;
import org.jbp.outbox.entity.OutboxStatus;
import org.jbp.platform.Ids;
import org.jbp.platform.Paging;
import org.jbp.platform.ProblemException;
import org.jbp.platform.QueryParams;
import org.jbp.security.CurrentUser;
import org.jbp.security.Roles;

/** The CRM outbox for admins: what waits, what was delivered, what failed, and what to do about it. */
@Path("crm/writes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RolesAllowed(Roles.ADMIN)
public class CrmWritesResource {

    @Inject
    OutboxStore store;
    @Inject
    OutboxDelivery delivery;
    @Inject
    OutboxRetries retries;
    @Inject
    CurrentUser user;

    public record WriteView(UUID id, String kind, String externalId, String planId, String status, int attempts,
                            Instant nextAttemptAt, String lastErrorCode, String lastErrorMessage, String crmId,
                            Instant createdAt, Instant deliveredAt, String payload) {
        static WriteView of(OutboxEntry e) {
            return new WriteView(e.id(), e.kind().name(), e.externalId(), e.planId() == null ? null : e.planId().toString(), e.status().name(), e.attempts(),
                    e.nextAttemptAt(), e.lastErrorCode(), e.lastErrorMessage(), e.crmId(), e.createdAt(),
                    e.deliveredAt(), e.payload());
        }
    }

    public record WritePage(List<WriteView> items, int page, int size, long total) {
    }

    @GET
    @Operation(summary = "Queued CRM writes, newest first; status pending|delivered|failed|discarded")
    public WritePage list(@QueryParam("status") String status, @QueryParam("page") String page,
                          @QueryParam("size") String size) {
        OutboxStatus filter = QueryParams.enumValue("status", status, OutboxStatus.class);
        int p = Paging.number("page", page, 0, 0, 1_000_000);
        int s = Paging.number("size", size, 50, 1, 500);
        OutboxStore.Page result = store.list(filter, p, s);
        return new WritePage(result.items().stream().map(WriteView::of).toList(), p, s, result.total());
    }

    @GET
    @Path("{id}")
    public WriteView get(@PathParam("id") String id) {
        UUID writeId = Ids.uuid(id, "CRM write");
        return store.find(writeId).map(WriteView::of).orElseThrow(() -> ProblemException.notFound("CRM write " + id));
    }

    @POST
    @Path("deliveries")
    @Operation(summary = "Run a delivery pass now: every due write, in batches, until none is due or the CRM stops")
    public OutboxDelivery.Report deliver() {
        return delivery.deliverDue();
    }

    @POST
    @Path("{id}/retry")
    @Operation(summary = "Send a FAILED (or backing-off) write again on the next pass; recorded as "
            + "POST /crm/write-failures/{id}/retries records it")
    public WriteView retry(@PathParam("id") String id) {
        return WriteView.of(retries.retry(Ids.uuid(id, "CRM write"), user.id()));
    }

    @POST
    @Path("{id}/discard")
    @Operation(summary = "Give up on a write that was not delivered")
    public WriteView discard(@PathParam("id") String id) {
        return WriteView.of(store.discard(Ids.uuid(id, "CRM write")));
    }
}
