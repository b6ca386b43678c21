package org.jbp.plan.entity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jbp.template.entity.Section;

/** The six parts of a plan; a part the template does not have stays null. */
public record PlanSections(
        @Valid PartnerProfile profile,
        @Valid RevenueTargets revenue,
        @Size(max = 100) List<@Valid @NotNull Campaign> campaigns,
        @Size(max = 100) List<@Valid @NotNull CertificationMilestone> certifications,
        @Valid CoSellGoals coSell,
        @Size(max = 30) List<@Valid @NotNull KpiTarget> kpis) {

    public static PlanSections empty() {
        return new PlanSections(null, null, null, null, null, null);
    }

    public boolean isPresent(Section section) {
        return switch (section) {
            case PROFILE -> profile != null;
            case REVENUE -> revenue != null;
            case CAMPAIGNS -> campaigns != null;
            case CERTIFICATIONS -> certifications != null;
            case CO_SELL -> coSell != null;
            case KPIS -> kpis != null;
        };
    }

    /** Whether a section holds enough to submit the plan. */
    public boolean isComplete(Section section) {
        return switch (section) {
            case PROFILE -> profile != null && profile.coversEssentials();
            case REVENUE -> revenue != null && revenue.coversEssentials();
            case CAMPAIGNS -> campaigns != null && !campaigns.isEmpty();
            case CERTIFICATIONS -> certifications != null && !certifications.isEmpty();
            case CO_SELL -> coSell != null && coSell.coversEssentials();
            case KPIS -> kpis != null && !kpis.isEmpty();
        };
    }

    public PlanSections with(RevenueTargets newRevenue, List<Campaign> newCampaigns, List<KpiTarget> newKpis) {
        return new PlanSections(profile, newRevenue, newCampaigns, certifications, coSell, newKpis);
    }
}
