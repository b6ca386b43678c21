package org.jbp.it.nodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jbp.demo.runtime.PayaraMicro;

/**
 * Another Payara Micro process with the same WAR, database and Salesforce simulator as the one Arquillian deployed:
 * a second node of the installation. It inherits the test JVM's environment (JBP_DB_URL, the JWT key, the
 * simulator's login URL), so tokens and data are shared; only its leases are shorter, so a test does not wait
 * a minute for another node to notice that this one died.
 */
public final class SecondInstance implements AutoCloseable {

    static final Duration SYNC_LEASE = Duration.ofSeconds(15);
    static final Duration OUTBOX_LEASE = Duration.ofSeconds(10);

    private final PayaraMicro payara;
    private final int port;

    private SecondInstance(PayaraMicro payara, int port) {
        this.payara = payara;
        this.port = port;
    }

    /** Starts the node and waits until its readiness check (database and schema) answers 200. */
    public static SecondInstance start(String name, Map<String, String> extraEnvironment) {
        return start(name, extraEnvironment, List.of(), java.util.Set.of());
    }

    /** As above, with further Payara Micro options and without some of the inherited environment variables. */
    public static SecondInstance start(String name, Map<String, String> extraEnvironment, List<String> microOptions,
                                java.util.Set<String> unsetEnvironment) {
        Path runtime = runtimeDirectory();
        Path work = Path.of(System.getProperty("jbp.test.work", "target/it-work")).toAbsolutePath().resolve(name);
        int port = freePort();
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "JBP_SYNC_LEASE_TTL", SYNC_LEASE.toString(),
                "JBP_OUTBOX_LEASE", OUTBOX_LEASE.toString()));
        environment.putAll(extraEnvironment);
        try {
            PayaraMicro payara = PayaraMicro.start(new PayaraMicro.Settings(runtime.resolve("payara-micro.jar"),
                    runtime.resolve("jbp.war"), port, environment, List.of("-Xmx512m"),
                    work.resolve("payara-micro.log"), work, microOptions, unsetEnvironment));
            SecondInstance instance = new SecondInstance(payara, port);
            try {
                payara.awaitReady(instance.baseUri().resolve("/jbp/health/ready"), Duration.ofMinutes(4));
            } catch (RuntimeException | IOException | InterruptedException e) {
                instance.kill();
                throw e;
            }
            return instance;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Path runtimeDirectory() {
        return Path.of(System.getProperty("jbp.test.war", "target/runtime/jbp.war")).toAbsolutePath().getParent();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The {@code URL} form {@code Api.at} takes. */
    public java.net.URL url() {
        try {
            return baseUri().resolve("/jbp/").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no transaction completion, no lease release, like a node losing power. */
    public void kill() {
        ProcessHandle.of(payara.pid()).ifPresent(process -> {
            process.destroyForcibly();
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the second instance did not die", e);
            }
        });
    }

    boolean isAlive() {
        return payara.isAlive();
    }

    Path log() {
        return payara.logFile();
    }

    @Override
    public void close() {
        kill();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
