package org.jbp.demo.runtime;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The module running as an admin would run it, on this machine: PostgreSQL, the token signing key and Payara Micro
 * with the WAR, wired through the environment variables the module reads. The demo and the benchmark both start
 * it; only what they keep differs.
 *
 * <p>Folders under the data directory: {@code postgres} (the database), {@code keys} (the signing key pair),
 * {@code logs} (Payara's and PostgreSQL's output), {@code payara} (Payara's working folder).
 */
public final class JbpStack implements AutoCloseable {

    /**
     * How to start it.
     *
     * @param runtimeDirectory holds {@code payara-micro.jar} and {@code jbp.war}
     * @param keepData         keep the database between runs (demo) or start empty and wipe it on close (benchmark)
     * @param environment      extra environment for Payara (the Salesforce login, feature switches)
     * @param postBootCommands the admin's post-boot commands (descriptors/payara): with them Payara gets the pool,
     *                         the resource {@code jdbc/jbp} and the batch job repository in this PostgreSQL, and the
     *                         driver from {@code postgresql.jar} in the runtime directory, exactly as INSTALL.md
     *                         installs it; without them (null) the module's own pool from {@code JBP_DB_URL}
     * @param databaseConfig   more PostgreSQL server settings (the benchmark's statement statistics)
     */
    public record Settings(Path dataDirectory, Path runtimeDirectory, int httpPort, boolean keepData,
                           String issuer, Map<String, String> environment, List<String> jvmOptions,
                           Duration startupTimeout, Path postBootCommands, Map<String, String> databaseConfig) {
        /** Without extra PostgreSQL settings. */
        public Settings(Path dataDirectory, Path runtimeDirectory, int httpPort, boolean keepData, String issuer,
                        Map<String, String> environment, List<String> jvmOptions, Duration startupTimeout,
                        Path postBootCommands) {
            this(dataDirectory, runtimeDirectory, httpPort, keepData, issuer, environment, jvmOptions, startupTimeout,
                    postBootCommands, Map.of());
        }

        public Settings {
            Objects.requireNonNull(dataDirectory, "a data directory is required");
            Objects.requireNonNull(runtimeDirectory, "a runtime directory is required");
            Objects.requireNonNull(issuer, "a token issuer is required");
            environment = Map.copyOf(environment);
            jvmOptions = List.copyOf(jvmOptions);
            databaseConfig = Map.copyOf(databaseConfig);
        }

        public Path logDirectory() {
            return dataDirectory.resolve("logs");
        }
    }

    private final Settings settings;
    private final EmbeddedDatabase database;
    private final SigningKeys keys;
    private final PayaraMicro payara;

    private JbpStack(Settings settings, EmbeddedDatabase database, SigningKeys keys, PayaraMicro payara) {
        this.settings = settings;
        this.database = database;
        this.keys = keys;
        this.payara = payara;
    }

    /** Starts everything and returns once {@code /jbp/health/ready} answers 200; stops what it started on failure. */
    public static JbpStack start(Settings settings, Consumer<String> progress) throws IOException, InterruptedException {
        Path data = settings.dataDirectory().toAbsolutePath();
        progress.accept("Starting PostgreSQL (data in " + data.resolve("postgres") + ")");
        EmbeddedDatabase database = EmbeddedDatabase.start(data.resolve("postgres"), settings.keepData(),
                settings.logDirectory().resolve("postgres.log"), settings.databaseConfig());
        PayaraMicro payara = null;
        try {
            SigningKeys keys = SigningKeys.inFolder(data.resolve("keys"), settings.issuer());
            Map<String, String> environment = new LinkedHashMap<>(settings.environment());
            List<String> microOptions = List.of();
            if (settings.postBootCommands() == null) {
                environment.put("JBP_DB_URL", database.jdbcUrl());
                environment.put("JBP_DB_USER", EmbeddedDatabase.USER);
                environment.put("JBP_DB_PASSWORD", EmbeddedDatabase.PASSWORD);
            } else {
                environment.put("JBP_DB_HOST", "127.0.0.1");
                environment.put("JBP_DB_PORT", String.valueOf(database.port()));
                environment.put("JBP_DB_NAME", "postgres");
                environment.put("JBP_DB_USER", EmbeddedDatabase.USER);
                environment.put("JBP_DB_PASSWORD", EmbeddedDatabase.PASSWORD);
                microOptions = List.of("--postbootcommandfile", settings.postBootCommands().toAbsolutePath().toString(),
                        "--addlibs", settings.runtimeDirectory().resolve("postgresql.jar").toAbsolutePath().toString());
            }
            environment.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyFile().toUri().toString());
            environment.put("MP_JWT_VERIFY_ISSUER", settings.issuer());
            Path log = settings.logDirectory().toAbsolutePath().resolve("payara-micro.log");
            progress.accept("Starting Payara Micro on 127.0.0.1:" + settings.httpPort() + " (log: " + log + ")");
            payara = PayaraMicro.start(new PayaraMicro.Settings(
                    settings.runtimeDirectory().resolve("payara-micro.jar").toAbsolutePath(),
                    settings.runtimeDirectory().resolve("jbp.war").toAbsolutePath(),
                    settings.httpPort(), environment, settings.jvmOptions(), log, data.resolve("payara"), microOptions,
                    java.util.Set.of("JBP_DB_URL")));
            JbpStack stack = new JbpStack(settings, database, keys, payara);
            payara.awaitReady(stack.baseUri().resolve("/jbp/health/ready"), settings.startupTimeout());
            return stack;
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (payara != null) {
                payara.close();
            }
            database.close();
            throw e;
        }
    }

    /** {@code http://127.0.0.1:<port>}: Payara advertises other addresses, the demo talks over loopback only. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + settings.httpPort());
    }

    public SigningKeys keys() {
        return keys;
    }

    public EmbeddedDatabase database() {
        return database;
    }

    public PayaraMicro payara() {
        return payara;
    }

    /** Payara first, so it lets go of its connections before PostgreSQL stops. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            payara.close();
        } finally {
            database.close();
        }
    }
}
