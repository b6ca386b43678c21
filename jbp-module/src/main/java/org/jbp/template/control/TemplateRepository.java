package org.jbp.template.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jbp.platform.ProblemException;
import org.jbp.template.entity.TemplateDefinition;
import org.jbp.template.entity.TemplateVersion;

/** Template versions; the definition JSON is parsed once per load. */
@ApplicationScoped
public class TemplateRepository {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @PersistenceContext(unitName = "jbp")
    EntityManager em;

    private final java.util.concurrent.ConcurrentMap<String, TemplateVersion> versions =
            new java.util.concurrent.ConcurrentHashMap<>();

    public void add(TemplateVersion version) {
        em.persist(version);
    }

    /**
     * Saves the version after {@code version.version() - 1}. Two saves of the same version read the same latest one
     * and both number theirs the next: the first takes the unique key (template_id, version), and this one is
     * refused as the stale edit it is (412 with the winner's version), never answered 500 nor saved over.
     */
    public void addNext(TemplateVersion version) {
        em.persist(version);
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (takenAlready(e)) {
                throw ProblemException.stale("template", (long) version.version());
            }
            throw e;
        }
    }

    private static boolean takenAlready(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            // PostgreSQL's unique_violation
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    public Optional<TemplateVersion> latest(UUID templateId) {
        return em.createQuery("select t from TemplateVersion t where t.templateId = :id order by t.version desc",
                        TemplateVersion.class)
                .setParameter("id", templateId)
                .setMaxResults(1)
                .getResultStream().findFirst().map(this::parsed);
    }

    /** A version never changes once saved, so one parsed copy serves every request. */
    public Optional<TemplateVersion> version(UUID templateId, int version) {
        String key = templateId + "#" + version;
        TemplateVersion cached = versions.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<TemplateVersion> loaded = load(templateId, version);
        loaded.ifPresent(v -> versions.putIfAbsent(key, v));
        return loaded;
    }

    private Optional<TemplateVersion> load(UUID templateId, int version) {
        return em.createQuery("select t from TemplateVersion t where t.templateId = :id and t.version = :v",
                        TemplateVersion.class)
                .setParameter("id", templateId)
                .setParameter("v", version)
                .getResultStream().findFirst().map(this::parsed);
    }

    public List<TemplateVersion> versions(UUID templateId) {
        return em.createQuery("select t from TemplateVersion t where t.templateId = :id order by t.version",
                        TemplateVersion.class)
                .setParameter("id", templateId)
                .getResultStream().map(this::parsed).toList();
    }

    /** The newest version of every template. */
    public List<TemplateVersion> allLatest() {
        return em.createQuery("select t from TemplateVersion t where t.version = "
                        + "(select max(o.version) from TemplateVersion o where o.templateId = t.templateId) "
                        + "order by t.name", TemplateVersion.class)
                .getResultStream().map(this::parsed).toList();
    }

    private TemplateVersion parsed(TemplateVersion version) {
        if (version.definition() == null) {
            version.attach(JSONB.fromJson(version.definitionJson(), TemplateDefinition.class));
        }
        return version;
    }

    public static String toJson(TemplateDefinition definition) {
        return JSONB.toJson(definition);
    }
}
