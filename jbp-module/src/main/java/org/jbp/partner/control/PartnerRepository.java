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

    public List<Partner> all() {
        return em.createQuery("select p from Partner p order by p.name", Partner.class).getResultList();
    }

    public void add(Partner partner) {
        em.persist(partner);
    }
}
