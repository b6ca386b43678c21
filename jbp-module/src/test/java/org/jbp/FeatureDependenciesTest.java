package org.jbp;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The feature packages of jbp-module ({@code org.jbp.<feature>..}) depend one way, as ARCHITECTURE.md states:
 * <pre>kernel ← security ← platform ← people ← partner, template, outbox ← notification ← plan ← approval, kpi
 *      ← review, report, sync ← incentive ← canvas, home</pre>
 * A feature may use the features on the floors below it, never one on its own floor or above.
 */
class FeatureDependenciesTest {

    /** Each feature's floor, lowest first; a feature may depend only on features of a lower floor. */
    static final List<Set<String>> FLOORS = List.of(
            Set.of("kernel"),
            Set.of("security"),
            Set.of("platform"),
            Set.of("people"),
            Set.of("partner", "template", "outbox"),
            Set.of("notification"),
            Set.of("plan"),
            Set.of("approval", "kpi"),
            Set.of("review", "report", "sync"),
            Set.of("incentive"),
            Set.of("canvas", "home"));

    static JavaClasses classes;

    @BeforeAll
    static void importModule() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.jbp");
    }

    @Test
    void everyFeaturePackageHasAFloor() {
        Set<String> unplaced = classes.stream().map(FeatureDependenciesTest::feature).flatMap(Optional::stream)
                .filter(f -> floor(f) < 0).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), unplaced, "feature packages missing from FLOORS (and from ARCHITECTURE.md)");
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        ArchRule rule = slices().matching("org.jbp.(*)..").namingSlices("$1")
                .should().beFreeOfCycles();
        rule.check(classes);
    }

    @Test
    void featuresDependOnlyOnLowerFloors() {
        ArchRule rule = ArchRuleDefinition.classes().that().resideInAPackage("org.jbp..")
                .should(dependOnlyOnLowerFloors());
        rule.check(classes);
    }

    /**
     * The same direction over the import lines of the sources: constants such as {@code Roles.ADMIN} in
     * {@code @RolesAllowed} are inlined by the compiler and leave no trace in the bytecode ArchUnit reads.
     */
    @Test
    void importLinesFollowTheFloors() throws IOException {
        Path sources = Path.of("src/main/java/org/jbp");
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String from = sources.relativize(file).getName(0).toString();
                for (String line : Files.readAllLines(file)) {
                    Matcher m = IMPORT.matcher(line);
                    if (m.matches() && !m.group(1).equals(from) && !m.group(1).equals("crm")
                            && floor(m.group(1)) >= floor(from)) {
                        wrong.add(sources.relativize(file) + ": " + line.trim());
                    }
                }
            }
        }
        assertEquals(List.of(), wrong, "imports against the direction (" + FLOORS + ")");
    }

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.jbp\\.([a-z]+)\\..*");

    private static ArchCondition<JavaClass> dependOnlyOnLowerFloors() {
        return new ArchCondition<>("depend only on features of a lower floor") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                Optional<String> from = feature(item);
                if (from.isEmpty()) {
                    return;
                }
                for (Dependency d : item.getDirectDependenciesFromSelf()) {
                    Optional<String> to = feature(d.getTargetClass());
                    if (to.isEmpty() || to.get().equals(from.get()) || floor(to.get()) < 0) {
                        continue;
                    }
                    if (floor(to.get()) >= floor(from.get())) {
                        events.add(SimpleConditionEvent.violated(d, from.get() + " (floor " + floor(from.get())
                                + ") must not use " + to.get() + " (floor " + floor(to.get()) + "): "
                                + d.getDescription()));
                    }
                }
            }
        };
    }

    /** {@code plan} for {@code org.jbp.plan.control.PlanService}; empty for classes outside jbp-module's features. */
    static Optional<String> feature(JavaClass c) {
        String name = c.getPackageName();
        if (!name.startsWith("org.jbp.")) {
            return Optional.empty();
        }
        String rest = name.substring("org.jbp.".length());
        int dot = rest.indexOf('.');
        String feature = dot < 0 ? rest : rest.substring(0, dot);
        // crm-api and the connectors live in other modules, below every feature
        return feature.equals("crm") ? Optional.empty() : Optional.of(feature);
    }

    static int floor(String feature) {
        for (int i = 0; i < FLOORS.size(); i++) {
            if (FLOORS.get(i).contains(feature)) {
                return i;
            }
        }
        return -1;
    }
}
