package org.jbp.demo.runtime;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Payara Micro with the WAR, as a child process: {@code java -jar payara-micro.jar --deploy jbp.war --port ...}.
 * Its configuration comes from environment variables (the module reads {@code JBP_DB_URL} etc. through MicroProfile
 * Config before its own config exists), its output goes to a log file.
 */
public final class PayaraMicro implements AutoCloseable {

    /** Payara Micro listens on every interface unless told otherwise; the demo is for this machine only. */
    static final String LOOPBACK_ONLY = "set configs.config.server-config.network-config.network-listeners"
            + ".network-listener.http-listener.address=127.0.0.1";

    /**
     * What to run and how.
     *
     * @param workDirectory where the pre-boot command file goes
     * @param microOptions further Payara Micro options (e.g. {@code --postbootcommandfile}, {@code --addlibs})
     * @param unsetEnvironment variables of this JVM's environment the child must not inherit
     */
    public record Settings(Path microJar, Path war, int httpPort, Map<String, String> environment,
                           List<String> jvmOptions, Path logFile, Path workDirectory, List<String> microOptions,
                           java.util.Set<String> unsetEnvironment) {
        public Settings {
            Objects.requireNonNull(microJar, "the Payara Micro jar is required");
            Objects.requireNonNull(war, "the WAR is required");
            Objects.requireNonNull(logFile, "a log file is required");
            Objects.requireNonNull(workDirectory, "a work directory is required");
            environment = Map.copyOf(environment);
            jvmOptions = List.copyOf(jvmOptions);
            microOptions = List.copyOf(microOptions);
            unsetEnvironment = java.util.Set.copyOf(unsetEnvironment);
        }

        public Settings(Path microJar, Path war, int httpPort, Map<String, String> environment,
                        List<String> jvmOptions, Path logFile, Path workDirectory) {
            this(microJar, war, httpPort, environment, jvmOptions, logFile, workDirectory, List.of(),
                    java.util.Set.of());
        }
    }

    /**
     * Names the JSON-P provider Payara ships. Without it every {@code Json.createReader} (Payara's JWT check makes
     * several per request) looks the provider up with a ServiceLoader scan over the server's and the WAR's jars.
     * The API reads the property once, when it is first used, which is during Payara's boot: it has to be a JVM
     * option, the application cannot set it later.
     */
    public static final String JSON_PROVIDER_OPTION = "-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl";

    /** What Payara logs when the application fails to deploy. */
    static final String DEPLOYMENT_FAILED = "Exception while loading the app";

    private final Process process;
    private final Settings settings;

    private PayaraMicro(Process process, Settings settings) {
        this.process = process;
        this.settings = settings;
    }

    public static PayaraMicro start(Settings settings) throws IOException {
        requireFile(settings.microJar(), "Payara Micro");
        requireFile(settings.war(), "the JBP WAR");
        Files.createDirectories(settings.workDirectory());
        Files.createDirectories(settings.logFile().toAbsolutePath().getParent());
        Path preBoot = settings.workDirectory().resolve("pre-boot-commands.asadmin");
        Files.writeString(preBoot, LOOPBACK_ONLY + "\n");

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (settings.jvmOptions().stream().noneMatch(o -> o.startsWith("-Djakarta.json.provider="))) {
            command.add(JSON_PROVIDER_OPTION);
        }
        command.addAll(settings.jvmOptions());
        command.addAll(List.of("-jar", settings.microJar().toString(),
                "--deploy", settings.war().toString(),
                "--port", String.valueOf(settings.httpPort()),
                "--nocluster",
                "--disablephonehome",
                "--prebootcommandfile", preBoot.toString()));
        command.addAll(settings.microOptions());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(settings.workDirectory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(settings.logFile().toFile());
        builder.environment().keySet().removeAll(settings.unsetEnvironment());
        builder.environment().putAll(settings.environment());
        return new PayaraMicro(builder.start(), settings);
    }

    private static void requireFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(what + " is missing at " + file
                    + ": build from the repository root with the command in demo/README.md");
        }
    }

    /**
     * Waits until {@code url} answers 200. Fails early when the process dies, pointing at the log.
     */
    public void awaitReady(URI url, Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        int lastStatus = -1;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro stopped with exit code " + process.exitValue()
                        + "; see " + settings.logFile());
            }
            Optional<String> failure = deploymentFailure();
            if (failure.isPresent()) {
                throw new IllegalStateException("Payara Micro could not deploy the WAR: " + failure.get()
                        + " (see " + settings.logFile() + ")");
            }
            try {
                HttpResponse<Void> reply = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5))
                        .GET().build(), HttpResponse.BodyHandlers.discarding());
                lastStatus = reply.statusCode();
                if (lastStatus == 200) {
                    return;
                }
            } catch (ConnectException | java.net.http.HttpTimeoutException notYet) {
                // still booting
            }
            Thread.sleep(1_000);
        }
        throw new IllegalStateException("Payara Micro did not answer 200 at " + url + " within " + timeout
                + " (last status " + lastStatus + "); see " + settings.logFile());
    }

    /** Payara keeps running without the application when its deployment fails; its log says why. */
    private Optional<String> deploymentFailure() throws IOException {
        if (!Files.exists(settings.logFile())) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(settings.logFile(), StandardCharsets.ISO_8859_1);
        if (lines.stream().noneMatch(line -> line.contains(DEPLOYMENT_FAILED))) {
            return Optional.empty();
        }
        return Optional.of(lines.stream().filter(line -> line.contains("DeploymentException")).findFirst()
                .orElse(DEPLOYMENT_FAILED).trim());
    }

    public Path logFile() {
        return settings.logFile();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Asks Payara to shut down (SIGTERM runs its own shutdown), and kills it if it has not after a minute. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
