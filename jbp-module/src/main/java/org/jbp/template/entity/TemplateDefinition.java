package org.jbp.template.entity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything a template says, as one immutable value: a new version is a new definition.
 * Sections not listed as required or optional are not part of plans made from it.
 */
public record TemplateDefinition(
        @NotBlank @Size(max = 120) String name,
        @NotNull PlanType planType,
        @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 40) String> tiers,
        @Size(max = 20) List<@NotBlank @Size(max = 40) String> partnerTypes,
        @NotNull List<@NotNull Section> requiredSections,
        List<@NotNull Section> optionalSections,
        @Size(max = 30) List<@Valid @NotNull KpiDefinition> kpis,
        @NotEmpty @Size(max = 10) List<@Valid @NotNull ApprovalStepDefinition> approvalChain,
        @Size(max = 10) List<@Valid @NotNull ApprovalStepDefinition> amendmentChain,
        @Size(max = 60) String escalationRole,
        Boolean partnerAcceptance,
        @NotNull ReviewCadence reviewCadence) {

    public TemplateDefinition {
        partnerTypes = partnerTypes == null ? List.of() : List.copyOf(partnerTypes);
        optionalSections = optionalSections == null ? List.of() : List.copyOf(optionalSections);
        kpis = kpis == null ? List.of() : List.copyOf(kpis);
        amendmentChain = amendmentChain == null ? List.of() : List.copyOf(amendmentChain);
    }

    public Set<Section> sections() {
        Set<Section> all = EnumSet.noneOf(Section.class);
        all.addAll(requiredSections);
        all.addAll(optionalSections);
        return all;
    }

    public boolean allows(Section section) {
        return requiredSections.contains(section) || optionalSections.contains(section);
    }

    public boolean requires(Section section) {
        return requiredSections.contains(section);
    }

    public boolean appliesTo(String tier, String partnerType) {
        boolean tierMatches = tiers.stream().anyMatch(t -> t.equalsIgnoreCase(tier));
        boolean typeMatches = partnerTypes.isEmpty() || partnerType == null
                || partnerTypes.stream().anyMatch(t -> t.equalsIgnoreCase(partnerType));
        return tierMatches && typeMatches;
    }

    @jakarta.json.bind.annotation.JsonbTransient
    @AssertTrue(message = "a section cannot be both required and optional")
    public boolean isSectionListDisjoint() {
        return requiredSections == null || optionalSections.stream().noneMatch(requiredSections::contains);
    }

    @jakarta.json.bind.annotation.JsonbTransient
    @AssertTrue(message = "KPI keys must be unique")
    public boolean isKpiKeysUnique() {
        Set<String> keys = new HashSet<>();
        return kpis.stream().allMatch(k -> k == null || keys.add(k.key()));
    }

    @jakarta.json.bind.annotation.JsonbTransient
    @AssertTrue(message = "a template with KPIs must include the kpis section")
    public boolean isKpiSectionPresentWhenKpisDefined() {
        return kpis.isEmpty() || requiredSections == null || sections().contains(Section.KPIS);
    }
}
