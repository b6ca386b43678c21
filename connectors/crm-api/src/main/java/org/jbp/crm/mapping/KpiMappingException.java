package org.jbp.crm.mapping;

import java.util.List;

/** The mapping descriptor is wrong; {@link #problems()} lists every problem found, each with its line and key. */
public class KpiMappingException extends RuntimeException {

    private final List<String> problems;

    public KpiMappingException(String sourceName, List<String> problems) {
        super("Invalid KPI mapping " + sourceName + ":\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
