package org.jbp.crm.mapping;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the KPI mapping descriptor ({@code key = value} lines, see {@code default-kpi-mapping.properties}).
 * It parses the lines itself rather than through {@link java.util.Properties} so every problem can name its line,
 * and it reports all problems at once so an admin fixes the file in one pass.
 */
public final class KpiMappingLoader {

    /** Classpath location of the default mapping shipped in this jar. */
    public static final String DEFAULT_RESOURCE = "org/jbp/crm/mapping/default-kpi-mapping.properties";

    private static final Pattern SOURCE_KEY = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern OBJECT = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern KPI_KEY = Pattern.compile("kpi\\.([^.]+)\\.(.+)");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final String BREAKDOWN_LABEL = "breakdown-label.";
    private static final Pattern AGGREGATE = Pattern.compile("(SUM|COUNT|COUNT_DISTINCT)\\s*\\(\\s*([^)]*?)\\s*\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> KPI_PROPERTIES = Set.of("object", "partner-field", "date-field", "date-type",
            "aggregate", "breakdown-field", "breakdown-cardinality", "unit");
    private static final Set<String> TOP_LEVEL_KEYS = Set.of("quarter-basis", "partner.object", "partner.tier-field",
            "partner.type-field", "partner.owner-field", "partner.region-field", "partner.country-field",
            "write.tier.target", "write.tier.account-field", "write.fund-request.external-id-field",
            "write.fund-request.currency-field", "write.task.external-id-field", "write.task.closed-status");

    private KpiMappingLoader() {
    }

    /** The default mapping shipped on the classpath. */
    public static KpiMapping loadDefault() {
        InputStream in = KpiMappingLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("Default KPI mapping " + DEFAULT_RESOURCE + " is missing from the classpath");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return load(reader, "classpath:" + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static KpiMapping load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(reader, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read KPI mapping " + file, e);
        }
    }

    /**
     * @param sourceName how error messages name the descriptor (a file path or resource)
     * @throws KpiMappingException listing every problem with its line number and key
     */
    public static KpiMapping load(Reader reader, String sourceName) {
        return new Parse(sourceName).run(reader);
    }

    private record Entry(String key, String value, int line) {
        String where() {
            return "line " + line + ", key '" + key + "'";
        }
    }

    /** One parse: the entries read, and the problems found so far. */
    private static final class Parse {
        private final String sourceName;
        private final Map<String, Entry> entries = new LinkedHashMap<>();
        private final List<String> problems = new ArrayList<>();

        Parse(String sourceName) {
            this.sourceName = sourceName;
        }

        KpiMapping run(Reader reader) {
            readLines(reader);
            QuarterBasis quarterBasis = enumValue("quarter-basis", QuarterBasis.class, QuarterBasis.CALENDAR);
            PartnerSource partners = partnerSource();
            Map<String, KpiSource> sources = kpiSources();
            WriteTargets writeTargets = writeTargets();
            partners = tierReadWhereWritten(partners, writeTargets);
            checkUnknownKeys();
            if (!problems.isEmpty()) {
                throw new KpiMappingException(sourceName, problems);
            }
            return new KpiMapping(quarterBasis, partners, sources, writeTargets);
        }

        private void readLines(Reader reader) {
            BufferedReader lines = new BufferedReader(reader);
            int lineNumber = 0;
            try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    lineNumber++;
                    String trimmed = line.strip();
                    if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
                        continue;
                    }
                    int equals = trimmed.indexOf('=');
                    if (equals <= 0) {
                        problems.add("line " + lineNumber + ": expected 'key = value', found '" + trimmed + "'");
                        continue;
                    }
                    Entry entry = new Entry(trimmed.substring(0, equals).strip(),
                            trimmed.substring(equals + 1).strip(), lineNumber);
                    Entry earlier = entries.putIfAbsent(entry.key(), entry);
                    if (earlier != null) {
                        problems.add(entry.where() + ": duplicate, already set on line " + earlier.line());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read KPI mapping " + sourceName, e);
            }
        }

        private PartnerSource partnerSource() {
            String object = required("partner.object", OBJECT, "an object name");
            return new PartnerSource(object == null ? "Account" : object, filters("partner.filter."),
                    optionalField("partner.tier-field"), optionalField("partner.type-field"),
                    optionalField("partner.owner-field"), optionalField("partner.region-field"),
                    optionalField("partner.country-field"));
        }

        /**
         * A tier read from anywhere but where JBP writes it is stale after every tier change: the next sync would
         * restore the old tier and the rule would fire again. So the read follows the write target.
         */
        private PartnerSource tierReadWhereWritten(PartnerSource partners, WriteTargets targets) {
            Entry tierField = entries.get("partner.tier-field");
            boolean set = tierField != null && !tierField.value().isEmpty();
            if (targets.tierTarget() == WriteTargets.TierTarget.CHANNEL_PROGRAM_MEMBER) {
                if (set) {
                    problems.add(tierField.where() + ": tiers are written to ChannelProgramMember.LevelId "
                            + "(write.tier.target), so they are read from there (ChannelProgramLevel.Name); remove "
                            + "this key, or set write.tier.target = ACCOUNT_FIELD with write.tier.account-field = "
                            + tierField.value());
                }
                return partners.withTierField(Optional.empty());
            }
            if (set && !tierField.value().equals(targets.tierAccountField())) {
                problems.add(tierField.where() + ": tiers are written to Account." + targets.tierAccountField()
                        + " (write.tier.account-field) and must be read from the same field");
            }
            return partners.withTierField(Optional.of(targets.tierAccountField()));
        }

        private Map<String, KpiSource> kpiSources() {
            Map<String, KpiSource> sources = new TreeMap<>();
            for (String key : sourceKeys()) {
                String prefix = "kpi." + key + ".";
                String object = required(prefix + "object", OBJECT, "an object name");
                String partnerField = required(prefix + "partner-field", FilterParser.FIELD, "a field name");
                String dateField = required(prefix + "date-field", FilterParser.FIELD, "a field name");
                DateType dateType = enumValue(prefix + "date-type", DateType.class, DateType.DATE);
                Aggregate aggregate = aggregate(prefix + "aggregate");
                List<FieldFilter> filters = filters(prefix + "filter.");
                Optional<String> breakdown = optionalField(prefix + "breakdown-field");
                int cardinality = positiveInt(prefix + "breakdown-cardinality", 10);
                Map<String, String> labels = breakdownLabels(prefix, breakdown.isPresent());
                KpiSource.Unit unit = enumValue(prefix + "unit", KpiSource.Unit.class, KpiSource.Unit.NUMBER);
                if (unit == KpiSource.Unit.CURRENCY && aggregate != null
                        && aggregate.function() != Aggregate.Function.SUM) {
                    problems.add(entries.get(prefix + "unit").where() + ": only a SUM of a currency field is money");
                }
                if (object != null && partnerField != null && dateField != null && dateType != null
                        && aggregate != null) {
                    sources.put(key, new KpiSource(key, object, partnerField, dateField, dateType, aggregate,
                            filters, breakdown, cardinality, labels, unit == null ? KpiSource.Unit.NUMBER : unit));
                }
            }
            if (sources.isEmpty() && problems.isEmpty()) {
                problems.add("no KPI sources: expected keys like kpi.pipeline_created.object");
            }
            return sources;
        }

        /**
         * {@code kpi.<key>.breakdown-label.PRE_SALES = 'Pre-Sales', 'Presales'}: the CRM values (picklist API
         * names) that a fact reports under the label. A CRM value may belong to one label only.
         */
        private Map<String, String> breakdownLabels(String prefix, boolean hasBreakdown) {
            Map<String, String> labels = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            Map<String, Entry> labelledBy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (Entry entry : entries.values()) {
                if (!entry.key().startsWith(prefix + BREAKDOWN_LABEL)) {
                    continue;
                }
                String label = entry.key().substring((prefix + BREAKDOWN_LABEL).length());
                if (!hasBreakdown) {
                    problems.add(entry.where() + ": breakdown labels need " + prefix + "breakdown-field");
                    continue;
                }
                if (!LABEL.matcher(label).matches()) {
                    problems.add(entry.where() + ": label '" + label + "' must be letters, digits and _");
                    continue;
                }
                List<String> values;
                try {
                    values = FilterParser.texts(entry.value());
                } catch (IllegalArgumentException e) {
                    problems.add(entry.where() + ": invalid values '" + entry.value() + "': " + e.getMessage());
                    continue;
                }
                for (String value : values) {
                    Entry earlier = labelledBy.putIfAbsent(value, entry);
                    if (earlier != null) {
                        problems.add(entry.where() + ": '" + value + "' is already labelled on line " + earlier.line());
                    } else {
                        labels.put(value, label);
                    }
                }
            }
            return new java.util.HashMap<>(labels);
        }

        private Set<String> sourceKeys() {
            Set<String> keys = new java.util.TreeSet<>();
            for (Entry entry : entries.values()) {
                Matcher matcher = KPI_KEY.matcher(entry.key());
                if (!entry.key().startsWith("kpi.")) {
                    continue;
                }
                if (!matcher.matches()) {
                    problems.add(entry.where() + ": expected kpi.<source-key>.<property>");
                    continue;
                }
                String sourceKey = matcher.group(1);
                String property = matcher.group(2);
                if (!SOURCE_KEY.matcher(sourceKey).matches()) {
                    problems.add(entry.where() + ": source key '" + sourceKey
                            + "' must be lower case letters, digits and _");
                    continue;
                }
                if (!KPI_PROPERTIES.contains(property) && !property.startsWith("filter.")
                        && !property.startsWith(BREAKDOWN_LABEL)) {
                    problems.add(entry.where() + ": unknown property '" + property + "', expected one of "
                            + new java.util.TreeSet<>(KPI_PROPERTIES) + ", filter.<name> or breakdown-label.<LABEL>");
                    continue;
                }
                keys.add(sourceKey);
            }
            return keys;
        }

        private WriteTargets writeTargets() {
            WriteTargets.TierTarget target = enumValue("write.tier.target", WriteTargets.TierTarget.class,
                    WriteTargets.TierTarget.CHANNEL_PROGRAM_MEMBER);
            String tierField = optionalField("write.tier.account-field").orElse("Partner_Tier__c");
            if ("IsPartner".equalsIgnoreCase(tierField)) {
                problems.add(entries.get("write.tier.account-field").where()
                        + ": Account.IsPartner is never written by JBP; choose another field");
                tierField = "Partner_Tier__c";
            }
            String fundExternalId = optionalField("write.fund-request.external-id-field").orElse("JBP_External_Id__c");
            Optional<String> currency = optionalField("write.fund-request.currency-field");
            String taskExternalId = optionalField("write.task.external-id-field").orElse("JBP_External_Id__c");
            Entry closed = entries.get("write.task.closed-status");
            String closedStatus = closed == null || closed.value().isEmpty() ? "Completed" : closed.value();
            return new WriteTargets(target == null ? WriteTargets.TierTarget.CHANNEL_PROGRAM_MEMBER : target,
                    tierField, fundExternalId, currency, taskExternalId, closedStatus);
        }

        private void checkUnknownKeys() {
            for (Entry entry : entries.values()) {
                String key = entry.key();
                boolean known = TOP_LEVEL_KEYS.contains(key) || key.startsWith("kpi.")
                        || key.startsWith("partner.filter.");
                if (!known) {
                    problems.add(entry.where() + ": unknown key");
                }
            }
        }

        private List<FieldFilter> filters(String prefix) {
            List<FieldFilter> filters = new ArrayList<>();
            for (Entry entry : entries.values()) {
                if (!entry.key().startsWith(prefix)) {
                    continue;
                }
                if (entry.key().length() == prefix.length()) {
                    problems.add(entry.where() + ": a filter needs a name, like " + prefix + "won");
                    continue;
                }
                try {
                    filters.add(FilterParser.parse(entry.value()));
                } catch (IllegalArgumentException e) {
                    problems.add(entry.where() + ": invalid filter '" + entry.value() + "': " + e.getMessage());
                }
            }
            return filters;
        }

        private Aggregate aggregate(String key) {
            Entry entry = entries.get(key);
            if (entry == null) {
                problems.add("missing key '" + key + "' (SUM(Field), COUNT() or COUNT_DISTINCT(Field))");
                return null;
            }
            Matcher matcher = AGGREGATE.matcher(entry.value());
            if (!matcher.matches()) {
                problems.add(entry.where() + ": '" + entry.value()
                        + "' is not SUM(Field), COUNT() or COUNT_DISTINCT(Field)");
                return null;
            }
            Aggregate.Function function = Aggregate.Function.valueOf(matcher.group(1).toUpperCase(Locale.ROOT));
            String field = matcher.group(2);
            if (!field.isEmpty() && !FilterParser.FIELD.matcher(field).matches()) {
                problems.add(entry.where() + ": '" + field + "' is not a field name");
                return null;
            }
            try {
                return new Aggregate(function, field.isEmpty() ? Optional.empty() : Optional.of(field));
            } catch (IllegalArgumentException e) {
                problems.add(entry.where() + ": " + e.getMessage());
                return null;
            }
        }

        private String required(String key, Pattern pattern, String what) {
            Entry entry = entries.get(key);
            if (entry == null || entry.value().isEmpty()) {
                problems.add(entry == null ? "missing key '" + key + "'" : entry.where() + ": value is empty");
                return null;
            }
            if (!pattern.matcher(entry.value()).matches()) {
                problems.add(entry.where() + ": '" + entry.value() + "' is not " + what);
                return null;
            }
            return entry.value();
        }

        private Optional<String> optionalField(String key) {
            Entry entry = entries.get(key);
            if (entry == null || entry.value().isEmpty()) {
                return Optional.empty();
            }
            if (!FilterParser.FIELD.matcher(entry.value()).matches()) {
                problems.add(entry.where() + ": '" + entry.value() + "' is not a field name");
                return Optional.empty();
            }
            return Optional.of(entry.value());
        }

        private int positiveInt(String key, int defaultValue) {
            Entry entry = entries.get(key);
            if (entry == null || entry.value().isEmpty()) {
                return defaultValue;
            }
            try {
                int value = Integer.parseInt(entry.value());
                if (value >= 1) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below, with the line
            }
            problems.add(entry.where() + ": '" + entry.value() + "' is not a positive whole number");
            return defaultValue;
        }

        private <E extends Enum<E>> E enumValue(String key, Class<E> type, E defaultValue) {
            Entry entry = entries.get(key);
            if (entry == null || entry.value().isEmpty()) {
                return defaultValue;
            }
            Function<String, E> parse = value -> Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            try {
                return parse.apply(entry.value());
            } catch (IllegalArgumentException e) {
                problems.add(entry.where() + ": '" + entry.value() + "' is not one of "
                        + java.util.Arrays.toString(type.getEnumConstants()));
                return null;
            }
        }
    }
}
