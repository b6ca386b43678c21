package org.jbp.sync.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jbp.crm.mapping.KpiMapping;
import org.jbp.crm.mapping.KpiMappingException;
import org.jbp.crm.mapping.KpiSource;
import org.jbp.plan.entity.CertificationRole;

/**
 * What the plan side needs of a KPI mapping, beyond what crm-api can check: certification facts are looked up
 * by plan role ({@code certifications_completed(PRE_SALES)}), so the labels the mapping gives the org's role
 * values must be plan roles, or the dashboard would read 0 for a role whatever the org holds.
 */
final class PlanMappingCheck {

    static final String CERTIFICATIONS = "certifications_completed";

    private PlanMappingCheck() {
    }

    static KpiMapping check(KpiMapping mapping, String sourceName) {
        List<String> problems = new ArrayList<>();
        mapping.source(CERTIFICATIONS).ifPresent(source -> checkRoles(source, problems));
        if (!problems.isEmpty()) {
            throw new KpiMappingException(sourceName, problems);
        }
        return mapping;
    }

    private static void checkRoles(KpiSource source, List<String> problems) {
        Set<String> roles = Arrays.stream(CertificationRole.values()).map(Enum::name).collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>(source.breakdownLabels().values());
        unknown.removeAll(roles);
        if (!unknown.isEmpty()) {
            problems.add("kpi." + CERTIFICATIONS + ".breakdown-label." + unknown.iterator().next()
                    + ": labels " + unknown + " are not plan roles; use " + new TreeSet<>(roles));
        }
    }
}
