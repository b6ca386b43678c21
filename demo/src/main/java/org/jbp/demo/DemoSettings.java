package org.jbp.demo;

import java.nio.file.Path;

/**
 * What a newcomer may change, as system properties ({@code -Djbp.demo.port=9080} on the Maven command line): ports,
 * folders, the simulator's seed and how long printed tokens stay valid.
 */
record DemoSettings(Path dataDirectory, Path runtimeDirectory, int httpPort, int simulatorPort, long seed,
                    int tokenDays, Path postBootCommands) {

    static final String ISSUER = "jbp-demo";

    static DemoSettings fromSystemProperties() {
        return new DemoSettings(
                Path.of(System.getProperty("jbp.demo.dataDir", ".demo-data")).toAbsolutePath().normalize(),
                Path.of(System.getProperty("jbp.demo.runtimeDir", "demo/target/runtime")).toAbsolutePath().normalize(),
                Integer.getInteger("jbp.demo.port", 8080),
                Integer.getInteger("jbp.demo.simulatorPort", 8099),
                Long.getLong("jbp.demo.seed", 42L),
                Integer.getInteger("jbp.demo.tokenDays", 30),
                Path.of(System.getProperty("jbp.demo.postBootCommands",
                        "descriptors/payara/post-boot-commands.asadmin")).toAbsolutePath().normalize());
    }
}
