package org.jbp.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.jbp.outbox.control.Outbox;
import org.jbp.outbox.entity.OutboxKind;
import org.jbp.kernel.PlanRef;
import org.jbp.notification.entity.Notification;
import org.jbp.security.Roles;

/**
 * Tells the people who must act next: in-app, and for named Salesforce users also as a Task in the CRM
 * (queued in the outbox in the same transaction, delivered by the write-back job).
 */
@ApplicationScoped
public class Notifier {

    @PersistenceContext(unitName = "jbp")
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    public void user(String userId, PlanRef plan, String kind, String message) {
        em.persist(Notification.toUser(userId, plan.id(), kind, message, clock.instant()));
    }

    public void role(String role, PlanRef plan, String kind, String message) {
        String account = Roles.PARTNER.equals(role) ? plan.partner().value() : null;
        em.persist(Notification.toRole(role, account, plan.id(), kind, message, clock.instant()));
    }

    /** A Salesforce Task for a user on the partner account, created once per key and closed by {@link #closeTask}. */
    public void task(String taskKey, String ownerUserId, PlanRef plan, String subject, String description,
                     Instant due) {
        LocalDate dueDate = due == null ? null : due.atZone(ZoneOffset.UTC).toLocalDate();
        var payload = Json.createObjectBuilder()
                .add("ownerId", ownerUserId)
                .add("whatId", plan.partner().value())
                .add("subject", subject.length() > 255 ? subject.substring(0, 255) : subject)
                .add("description", description);
        if (dueDate != null) {
            payload.add("activityDate", dueDate.toString());
        }
        outbox.enqueue(OutboxKind.TASK_UPSERT, taskKey, plan.id(), payload.build().toString());
    }

    public void closeTask(String taskKey, PlanRef plan, String outcome) {
        outbox.enqueue(OutboxKind.TASK_CLOSE, taskKey, plan.id(),
                Json.createObjectBuilder().add("status", "Completed").add("outcome", outcome).build().toString());
    }

    /** Notifications for a user: addressed to them, or to a role they hold (partner users: of their account). */
    public List<Notification> inbox(String userId, Set<String> roles, String partnerAccount, Instant since, int limit) {
        List<String> roleList = roles.isEmpty() ? List.of("-") : List.copyOf(roles);
        return em.createQuery("select n from Notification n where (n.recipientUser = :user "
                        + "or (n.recipientRole in :roles and (n.recipientAccount is null or n.recipientAccount = :account))) "
                        + "and n.createdAt >= :since order by n.createdAt desc", Notification.class)
                .setParameter("user", userId)
                .setParameter("roles", roleList)
                .setParameter("account", partnerAccount == null ? "-" : partnerAccount)
                .setParameter("since", since)
                .setMaxResults(limit)
                .getResultList();
    }

}
