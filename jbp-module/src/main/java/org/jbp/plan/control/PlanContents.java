package org.jbp.plan.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jbp.kernel.PlanId;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.plan.entity.PlanContent;

/**
 * Plans' content as parsed from its JSON, kept per node by plan id and row version. Lists parse the content of
 * every plan they show (a portfolio page of 500 plans spent two thirds of its time in JSON-B, issue 16) and each
 * of the tab's requests parses its plan again. A version's content never changes (every update of the row raises
 * the version), and the row itself is still read from PostgreSQL each time (the shared cache stays off), so a plan
 * changed on another node arrives with a version this node has not parsed: nothing here can be stale. Only rows as
 * read are parsed and kept, never content being edited. The parsed content is shared between requests, so nobody
 * may change it in place (no code does: an edit replaces the plan's content).
 */
@ApplicationScoped
public class PlanContents {

    /** Enough for the largest page (500 portfolio lines) several times over; a few MB of parsed sections. */
    static final int DEFAULT_CAPACITY = 2_000;

    private record Key(PlanId planId, long version) {
    }

    private final Map<Key, PlanContent> byVersion;
    private final Function<String, PlanContent> parser;

    public PlanContents() {
        this(DEFAULT_CAPACITY, PlanJson::read);
    }

    PlanContents(int capacity, Function<String, PlanContent> parser) {
        this.parser = parser;
        // least recently used first, so a list read again and again stays while one-off reads make room
        this.byVersion = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, PlanContent> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The plan with its content attached, parsed only if this version was not parsed here before. */
    public BusinessPlan attach(BusinessPlan plan) {
        if (plan.content() != null || plan.contentJson() == null) {
            return plan;
        }
        Key key = new Key(plan.id(), plan.version());
        PlanContent known;
        synchronized (byVersion) {
            known = byVersion.get(key);
        }
        if (known == null) {
            // parsed outside the lock: two requests may parse the same version at once, both results are equal
            known = parser.apply(plan.contentJson());
            synchronized (byVersion) {
                byVersion.put(key, known);
            }
        }
        plan.attach(known);
        return plan;
    }
}
