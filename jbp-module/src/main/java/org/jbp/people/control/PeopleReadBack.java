package org.jbp.people.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jbp.crm.CrmConnector;
import org.jbp.crm.CrmException;
import org.jbp.crm.CrmUser;
import org.jbp.kernel.PlanId;
import org.jbp.people.entity.Person;
import org.jbp.people.entity.PersonId;
import org.jbp.people.entity.PersonSource;

/**
 * In every KPI sync's last step, reads from Salesforce the people plans name that the directory does not know, or
 * has not had confirmed for {@code jbp.directory.refresh-after}: named approvers and partner users who never signed
 * in, and anyone whose name, email or active flag may have changed since. All plans count, not only the synced
 * ones, since a plan waiting for approval names its approver long before it has actuals.
 * <p>
 * At most {@code jbp.directory.sync-limit} people per run, unknown ones first, so a first sync of a large
 * installation spreads the reads over a few runs. Names are not worth failing a sync for: a CRM error leaves the
 * directory as it was and the next run tries again.
 */
@ApplicationScoped
public class PeopleReadBack {

    private static final Logger LOG = Logger.getLogger(PeopleReadBack.class.getName());

    @Inject
    UserDirectory directory;
    @Inject
    PersonStore store;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "jbp.directory.refresh-after", defaultValue = "P1D")
    Duration refreshAfter;
    @Inject
    @ConfigProperty(name = "jbp.directory.sync-limit", defaultValue = "2000")
    int limit;

    /** Called through the sync's {@code DirectoryReadBack}; the plan ids are unused, see above. */
    public void readBack(CrmConnector crm, List<PlanId> planIds) {
        Instant now = clock.instant();
        Set<PersonId> ids = salesforceUsers(store.referencedByPlans());
        if (ids.isEmpty()) {
            return;
        }
        Map<PersonId, Person> known = directory.stored(ids);
        List<PersonId> due = due(ids, known, now.minus(refreshAfter), limit);
        if (due.isEmpty()) {
            return;
        }
        List<CrmUser> users;
        try {
            users = crm.usersByIds(due.stream().map(PersonId::value).toList());
        } catch (CrmException e) {
            LOG.warning("names of " + due.size() + " user(s) not read from the CRM this time: " + e.getMessage());
            return;
        }
        Map<PersonId, CrmUser> byId = new HashMap<>();
        for (CrmUser user : users) {
            PersonId.of(user.id()).ifPresent(id -> byId.put(id, user));
        }
        for (PersonId id : due) {
            directory.record(fromCrm(id, byId.get(id), known.get(id), now));
        }
        LOG.fine(() -> "user directory: " + byId.size() + " of " + due.size() + " user(s) read from the CRM");
    }

    /** The ids among {@code referenced} that Salesforce could name: only those are ever sent to it. */
    static Set<PersonId> salesforceUsers(Set<String> referenced) {
        Set<PersonId> ids = new LinkedHashSet<>();
        for (String raw : referenced) {
            PersonId.of(raw).filter(PersonId::isSalesforceUser).ifPresent(ids::add);
        }
        return ids;
    }

    /**
     * The ids the directory does not know or has not had confirmed since {@code cutoff}: unknown first, then the
     * longest unconfirmed, at most {@code limit}.
     */
    static List<PersonId> due(Set<PersonId> ids, Map<PersonId, Person> known, Instant cutoff, int limit) {
        List<PersonId> due = new ArrayList<>();
        for (PersonId id : ids) {
            Person p = known.get(id);
            if (p == null || p.confirmedBefore(cutoff)) {
                due.add(id);
            }
        }
        due.sort(Comparator.comparing((PersonId id) -> Optional.ofNullable(known.get(id)).map(Person::updatedAt)
                .orElse(Instant.MIN)).thenComparing(PersonId::value));
        return due.size() > limit ? List.copyOf(due.subList(0, limit)) : due;
    }

    /**
     * What Salesforce says replaces what a token said. A person Salesforce does not return (another org's user, a
     * user the integration user cannot see) keeps the name a sign-in gave, if any, and is asked again once the
     * refresh interval has passed.
     */
    static Person fromCrm(PersonId id, CrmUser user, Person known, Instant now) {
        if (user != null) {
            return new Person(id, user.name(), user.email().orElse(null), user.active(), PersonSource.SALESFORCE, now);
        }
        if (known != null) {
            return new Person(id, known.name(), known.email(), known.active(), known.source(), now);
        }
        return new Person(id, null, null, null, PersonSource.SALESFORCE, now);
    }
}
