package org.jbp.template.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
