package org.jbp.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A Java Flight Recording of the bench's Payara around one measured scenario ({@code jcmd JFR.start} and
 * {@code JFR.stop}), and its execution samples summed up as JDK 17's {@code jfr} tool does not: the share of
 * samples a method is on top of (self) and anywhere on the stack (total), and the same per code area (the first
 * package segments), so "where does a request go" reads off one table.
 */
final class Profile {

    /** Code areas by package prefix, most specific first; a frame outside all of them counts as "other". */
    private static final List<String[]> AREAS = List.of(
            new String[] {"org.jbp.", "JBP (our code)"},
            new String[] {"fish.payara.microprofile.jwtauth", "Payara MP JWT"},
            new String[] {"com.nimbusds.", "Nimbus JOSE (JWT signature)"},
            new String[] {"org.glassfish.soteria", "Soteria (Jakarta Security)"},
            new String[] {"org.glassfish.exousia", "Exousia (JACC)"},
            new String[] {"org.glassfish.jersey", "Jersey (JAX-RS)"},
            new String[] {"org.jboss.weld", "Weld (CDI)"},
            new String[] {"org.eclipse.yasson", "Yasson (JSON-B)"},
            new String[] {"org.eclipse.persistence", "EclipseLink"},
            new String[] {"org.postgresql", "PostgreSQL driver"},
            new String[] {"com.sun.enterprise.resource", "connection pool"},
            new String[] {"org.glassfish.grizzly", "Grizzly (HTTP)"},
            new String[] {"org.apache.catalina", "Catalina (servlets)"},
            new String[] {"fish.payara.nucleus.requesttracing", "Payara request tracing"},
            new String[] {"java.util.logging", "JUL logging"},
            new String[] {"sun.security.", "JDK security (RSA)"},
            new String[] {"java.math.", "java.math (RSA arithmetic)"});

    private Profile() {
    }

    static Path start(long pid, Path folder, String name) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        Path file = folder.toAbsolutePath().resolve(name + ".jfr");
        jcmd(pid, "JFR.start", "name=" + name, "settings=profile", "filename=" + file);
        return file;
    }

    static void stop(long pid, String name) throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=" + name);
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new java.util.ArrayList<>(List.of("jcmd", String.valueOf(pid)));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String said = new String(jcmd.getInputStream().readAllBytes());
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IOException(String.join(" ", line) + " failed: " + said);
        }
    }

    /** Prints the areas and the {@code top} methods by total and by self share of the execution samples. */
    static void summarise(Path recording, int top, PrintStream out) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        Map<String, Integer> areaTotal = new HashMap<>();
        Map<String, Integer> areaSelf = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            RecordedStackTrace stack = event.getStackTrace();
            Set<String> methods = new HashSet<>();
            Set<String> areas = new HashSet<>();
            boolean first = true;
            for (RecordedFrame frame : stack.getFrames()) {
                String type = frame.getMethod().getType().getName();
                String method = type + "." + frame.getMethod().getName();
                String area = areaOf(type);
                if (first) {
                    self.merge(method, 1, Integer::sum);
                    areaSelf.merge(area, 1, Integer::sum);
                    first = false;
                }
                methods.add(method);
                areas.add(area);
            }
            methods.forEach(m -> total.merge(m, 1, Integer::sum));
            areas.forEach(a -> areaTotal.merge(a, 1, Integer::sum));
        }
        out.printf("%nFlight recording %s: %d execution samples%n", recording, samples);
        out.printf("  %-34s %7s %7s%n", "area", "self", "total");
        int all = Math.max(samples, 1);
        areaTotal.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> out.printf("  %-34s %6.1f%% %6.1f%%%n", e.getKey(),
                        100.0 * areaSelf.getOrDefault(e.getKey(), 0) / all, 100.0 * e.getValue() / all));
        out.println("  hottest methods by self share (self, total):");
        self.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> out.printf("    %6.1f%% %6.1f%%  %s%n", 100.0 * e.getValue() / all,
                        100.0 * total.get(e.getKey()) / all, e.getKey()));
        out.println("  our methods (org.jbp) by total share (self, total):");
        total.entrySet().stream().filter(e -> e.getKey().startsWith("org.jbp.") && !e.getKey().contains("$Proxy$"))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> out.printf("    %6.1f%% %6.1f%%  %s%n", 100.0 * self.getOrDefault(e.getKey(), 0) / all,
                        100.0 * e.getValue() / all, e.getKey()));
    }

    private static String areaOf(String type) {
        for (String[] area : AREAS) {
            if (type.startsWith(area[0])) {
                return area[1];
            }
        }
        return "other";
    }
}
