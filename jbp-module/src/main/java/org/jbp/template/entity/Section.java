package org.jbp.template.entity;

/** The six parts of a joint business plan, named as they appear in the plan's JSON. */
public enum Section {
    PROFILE("profile"),
    REVENUE("revenue"),
    CAMPAIGNS("campaigns"),
    CERTIFICATIONS("certifications"),
    CO_SELL("coSell"),
    KPIS("kpis");

    private final String jsonName;

    Section(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static java.util.Optional<Section> byJsonName(String name) {
        for (Section s : values()) {
            if (s.jsonName.equals(name) || s.name().equals(name)) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }
}
