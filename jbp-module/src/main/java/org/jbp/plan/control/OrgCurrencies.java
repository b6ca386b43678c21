package org.jbp.plan.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jbp.kernel.PlanId;

/**
 * The Salesforce org's active currencies as the last sync stored them (table org_currency). Read from the
 * database, not from Salesforce, so creating a plan never waits on the CRM; before the first sync nothing is known.
 */
@ApplicationScoped
public class OrgCurrencies {

    @PersistenceContext(unitName = "jbp")
    EntityManager em;

    /** The codes, or empty when no sync has read them yet. */
    public Optional<Set<String>> known() {
        List<?> rows = em.createNativeQuery("select iso_code from org_currency").getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Set<String> codes = new TreeSet<>();
        rows.forEach(r -> codes.add(r.toString().trim()));
        return Optional.of(codes);
    }

    /** The rate the last sync converted a plan's money actuals with: from, to, rate, when. */
    public record PlanRate(String from, String to, java.math.BigDecimal rate, java.time.Instant recordedAt) {
    }

    public Optional<PlanRate> rateOf(PlanId planId) {
        List<?> rows = em.createNativeQuery("select from_currency, to_currency, rate, recorded_at from plan_fx_rate "
                + "where plan_id = cast(?1 as uuid)").setParameter(1, planId.toString()).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        Object at = r[3];
        java.time.Instant when = at instanceof java.sql.Timestamp t ? t.toInstant()
                : at instanceof java.time.OffsetDateTime o ? o.toInstant() : (java.time.Instant) at;
        return Optional.of(new PlanRate(r[0].toString().trim(), r[1].toString().trim(), (java.math.BigDecimal) r[2], when));
    }
}
