package org.jbp.partner.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.jbp.partner.entity.Partner;
import org.jbp.kernel.PartnerAccountId;

@ApplicationScoped
public class PartnerRepository {

    @PersistenceContext(unitName = "jbp")
    EntityManager em;

    public Optional<Partner> find(PartnerAccountId id) {
        return Optional.ofNullable(em.find(Partner.class, id));
    }

    /**
     * The accounts a channel manager owns, for list queries to name them: PostgreSQL then combines the plan
     * indexes by owner and by partner, where an OR across the partner join would scan every plan.
     */
    public List<PartnerAccountId> ownedBy(String ownerId) {
        return em.createQuery("select p.accountId from Partner p where p.ownerId = :owner", PartnerAccountId.class)
                .setParameter("owner", ownerId).getResultList();
    }

    /** Beyond this many owned accounts the list is left to a subquery rather than bound one by one. */
    private static final int MAX_NAMED_ACCOUNTS = 2_000;

    /**
     * The JPQL condition "plan {@code alias} is the channel manager's own or of a partner they own", its
     * parameters put into {@code params}: the owned accounts named, so both plan indexes serve it.
     */
    public String managedBy(String alias, String channelManagerId, java.util.Map<String, Object> params) {
        params.put("me", channelManagerId);
        List<PartnerAccountId> owned = ownedBy(channelManagerId);
        if (owned.isEmpty()) {
            return " and " + alias + ".ownerId = :me";
        }
        if (owned.size() > MAX_NAMED_ACCOUNTS) {
            return " and (" + alias + ".ownerId = :me or " + alias + ".partner in "
                    + "(select mine.accountId from Partner mine where mine.ownerId = :me))";
        }
        params.put("mine", owned);
        return " and (" + alias + ".ownerId = :me or " + alias + ".partner in :mine)";
    }

    public List<Partner> all() {
        return em.createQuery("select p from Partner p order by p.name", Partner.class).getResultList();
    }

    public void add(Partner partner) {
        em.persist(partner);
    }
}
