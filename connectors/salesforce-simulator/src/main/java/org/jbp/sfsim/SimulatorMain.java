package org.jbp.sfsim;

import java.util.concurrent.CountDownLatch;
import org.jbp.sfsim.generator.GeneratorSpec;
import org.jbp.sfsim.generator.OrgGenerator;

/**
 * Runs the simulator standalone: {@code --port 8099 --seed 42 --size small|medium|<partners>}
 * (plus {@code --username}, {@code --password}). Stops on Ctrl-C.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 8099;
        long seed = 42;
        String size = "small";
        String host = "127.0.0.1";
        SimulatorConfig.Builder config = SimulatorConfig.builder();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--port" -> { port = Integer.parseInt(v); i++; }
                case "--seed" -> { seed = Long.parseLong(v); i++; }
                case "--size" -> { size = v; i++; }
                case "--host" -> { host = v; i++; }
                case "--username" -> { config.username(v); i++; }
                case "--password" -> { config.password(v); i++; }
                case "--help", "-h" -> {
                    System.out.println("usage: SimulatorMain [--port 8099] [--seed 42] [--size small|medium|N] "
                            + "[--host 127.0.0.1] [--username admin@jbp.demo] [--password demo]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + a + " (try --help)");
            }
        }
        GeneratorSpec spec = spec(size, seed);
        long t0 = System.nanoTime();
        SalesforceSimulator sim = SalesforceSimulator.start(config.port(port).host(host)
                .setup(org -> OrgGenerator.generate(org, spec)).build());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("Salesforce simulator ready in " + ms + " ms: " + sim.soapEndpoint()
                + " (user admin@jbp.demo; " + sim.org().count("Account") + " accounts, "
                + sim.org().count("Opportunity") + " opportunities). Admin API: " + sim.baseUrl() + "/sim/admin/calls");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stop.countDown();
        }));
        stop.await();
    }

    static GeneratorSpec spec(String size, long seed) {
        return switch (size) {
            case "small" -> GeneratorSpec.small(seed);
            case "medium" -> GeneratorSpec.medium(seed);
            default -> {
                int partners = Integer.parseInt(size);
                yield GeneratorSpec.of(partners, partners * 100, partners * 4, partners * 6, seed);
            }
        };
    }
}
