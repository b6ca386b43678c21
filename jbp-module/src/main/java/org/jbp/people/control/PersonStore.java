package org.jbp.people.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jbp.people.entity.Person;
import org.jbp.people.entity.PersonId;
import org.jbp.people.entity.PersonSource;

/**
 * The {@code user_directory} table in SQL. A save is an upsert, because two nodes (or two first requests of the
 * same person) may learn about someone at the same moment; the last one wins and neither fails.
 * Joins the caller's transaction: the sync's read-back commits with its run, a sign-in gets its own.
 */
@ApplicationScoped
public class PersonStore {

    static final int IDS_PER_STATEMENT = 500;

    /** Every column that stores a person's id: owners, authors, approvers and deciders of plans. */
    private static final String REFERENCED = String.join(" union ",
            "select owner_id as id from business_plan",
            "select created_by from business_plan",
            "select closed_by from business_plan where closed_by is not null",
            "select author from plan_revision",
            "select author_id from plan_comment",
            "select approver_user from approval_step where approver_user is not null",
            "select decided_by from approval_step where decided_by is not null",
            "select completed_by from plan_review where completed_by is not null",
            "select created_by from plan_amendment");

    @PersistenceContext(unitName = "jbp")
    EntityManager em;

    public Map<PersonId, Person> find(Collection<PersonId> ids) {
        List<PersonId> distinct = List.copyOf(new LinkedHashSet<>(ids));
        Map<PersonId, Person> found = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += IDS_PER_STATEMENT) {
            List<PersonId> chunk = distinct.subList(from, Math.min(distinct.size(), from + IDS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder(
                    "select user_id, name, email, active, source, updated_at from user_directory where user_id in (");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append('?').append(i + 1);
            }
            var query = em.createNativeQuery(sql.append(')').toString());
            for (int i = 0; i < chunk.size(); i++) {
                query.setParameter(i + 1, chunk.get(i).value());
            }
            for (Object row : query.getResultList()) {
                Object[] r = (Object[]) row;
                Person p = new Person(PersonId.of((String) r[0]).orElseThrow(), (String) r[1], (String) r[2],
                        (Boolean) r[3], PersonSource.valueOf((String) r[4]), instant(r[5]));
                found.put(p.id(), p);
            }
        }
        return found;
    }

    @Transactional
    public void save(Person person) {
        em.createNativeQuery("insert into user_directory (user_id, name, email, active, source, updated_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (user_id) do update set name = excluded.name, "
                        + "email = excluded.email, active = excluded.active, source = excluded.source, "
                        + "updated_at = excluded.updated_at")
                .setParameter(1, person.id().value())
                .setParameter(2, person.name())
                .setParameter(3, person.email())
                .setParameter(4, person.active())
                .setParameter(5, person.source().name())
                .setParameter(6, Timestamp.from(person.updatedAt()))
                .executeUpdate();
    }

    /** Every distinct person id some plan stores, as stored (15 or 18 characters, or a token subject). */
    public Set<String> referencedByPlans() {
        Set<String> ids = new LinkedHashSet<>();
        for (Object row : em.createNativeQuery("select distinct id from (" + REFERENCED + ") people where id is not null")
                .getResultList()) {
            ids.add((String) row);
        }
        return ids;
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        throw new IllegalStateException("unexpected timestamp type " + (value == null ? null : value.getClass()));
    }
}
