package org.jbp.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jbp.sfsim.SalesforceSimulator;
import org.jbp.sfsim.SimulatorConfig;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What the Payara Micro child process needs before it starts: a real PostgreSQL on the port failsafe reserved
 * (passed to Payara as JBP_DB_URL) and the public key it verifies tokens with. One of each per test JVM;
 * every deployment starts from an empty schema, so test classes never see each other's data.
 */
public final class TestEnvironment {

    private static EmbeddedPostgres postgres;
    private static KeyPair keys;
    private static SalesforceSimulator simulator;

    private TestEnvironment() {
    }

    /** The built WAR, deployed as is, against a freshly emptied database. */
    public static synchronized WebArchive freshDeployment() {
        start();
        resetDatabase();
        File war = new File(System.getProperty("jbp.test.war", "target/runtime/jbp.war"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    static synchronized void start() {
        if (postgres != null) {
            return;
        }
        try {
            Path work = Path.of(System.getProperty("jbp.test.work", "target/it-work"));
            Files.createDirectories(work);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(work.resolve("jwt-public.pem"), pem);
            // every node of the installation signs tab tokens with this one key (JBP_TAB_SIGNING_KEY_FILE)
            Files.writeString(work.resolve("tab-signing-key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(generator.generateKeyPair()
                    .getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
            int port = Integer.parseInt(System.getProperty("jbp.test.db.port", "54329"));
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(work.resolve("pg-" + UUID.randomUUID()))
                    .setCleanDataDirectory(true)
                    // statements per run, for the tests that hold a step's queries to the plans it serves
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .start();
            // Payara gets JBP_SALESFORCE_LOGIN_URL with this port from failsafe; it connects lazily, at first use
            simulator = SalesforceSimulator.start(SimulatorConfig.builder()
                    .port(Integer.parseInt(System.getProperty("jbp.test.sf.port", "8099"))).build());
            Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away anyway
                }
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The in-memory Salesforce org the deployed WAR writes to and reads from; shared by all test classes. */
    public static SalesforceSimulator simulator() {
        start();
        return simulator;
    }

    public static DataSource database() {
        start();
        return postgres.getPostgresDatabase();
    }

    /** An empty schema, for a test that installs the WAR on a server of its own instead of Arquillian's. */
    public static synchronized void freshDatabase() {
        start();
        resetDatabase();
    }

    /**
     * Drops and recreates the schema. The previous class's Payara may still be shutting down with pooled
     * connections open (its timers read tables while the drop waits for them: CI once saw a deadlock here), so
     * its sessions are ended first and a deadlock is tried again.
     */
    private static void resetDatabase() {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = database().getConnection(); Statement s = c.createStatement()) {
                s.execute("select pg_terminate_backend(pid) from pg_stat_activity"
                        + " where datname = current_database() and pid <> pg_backend_pid()");
                s.execute("drop schema public cascade");
                s.execute("create schema public");
                return;
            } catch (SQLException e) {
                boolean deadlock = "40P01".equals(e.getSQLState());
                if (!deadlock || attempt == 5) {
                    throw new IllegalStateException("cannot reset the test database", e);
                }
            }
        }
    }

    /** The first column of the first row of {@code sql} against the test database, as a number. */
    public static long count(String sql) {
        try (Connection c = database().getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** A bearer token as the identity provider would issue it. */
    public static String token(String subject, String name, List<String> groups, String partnerAccountId) {
        start();
        try {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer("jbp-test")
                    .subject(subject)
                    .claim("upn", subject)
                    .claim("name", name)
                    .claim("groups", groups)
                    .jwtID(UUID.randomUUID().toString())
                    .issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plusSeconds(3600)));
            if (partnerAccountId != null) {
                claims.claim("partnerAccountId", partnerAccountId);
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                    .keyID("jbp-test").build(), claims.build());
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
