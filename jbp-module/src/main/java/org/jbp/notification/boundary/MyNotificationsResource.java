package org.jbp.notification.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jbp.notification.control.Notifier;
import org.jbp.notification.entity.Notification;
import org.jbp.platform.ProblemException;
import org.jbp.security.CurrentUser;
import org.jbp.security.Roles;

/** The caller's in-app notifications, newest first. */
@Path("me/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.CHANNEL_MANAGER, Roles.APPROVER, Roles.PARTNER})
public class MyNotificationsResource {

    @Inject
    Notifier notifier;
    @Inject
    CurrentUser user;

    public record NotificationView(UUID id, String planId, String kind, String message, Instant createdAt) {
        static NotificationView of(Notification n) {
            return new NotificationView(n.id(), n.planId() == null ? null : n.planId().toString(), n.kind(), n.message(), n.createdAt());
        }
    }

    @GET
    @Operation(summary = "What the caller must act on: their own notifications and those for their roles")
    public List<NotificationView> list(@QueryParam("since") String since, @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 500) {
            throw ProblemException.invalid("limit", "must be between 1 and 500");
        }
        Instant from;
        try {
            from = since == null ? Instant.EPOCH : Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("since", "must be an instant such as 2027-01-31T00:00:00Z");
        }
        String account = user.partnerAccount().map(Object::toString).orElse(null);
        return notifier.inbox(user.id(), user.roles(), account, from, limit).stream()
                .map(NotificationView::of).toList();
    }
}
