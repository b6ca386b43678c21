package org.jbp.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * mp.openapi.scan.classes names the resources one by one (Payara's scanner trips over Bean Validation on record
 * components otherwise), so a resource left off the list is missing from the API document integrators read.
 */
class OpenApiScanListTest {

    @Test
    void everyResourceClassIsInTheOpenApiDocument() throws IOException, URISyntaxException {
        Properties config = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            config.load(in);
        }
        Set<String> listed = Arrays.stream(config.getProperty("mp.openapi.scan.classes").split(","))
                .map(String::trim).collect(Collectors.toCollection(TreeSet::new));
        java.nio.file.Path classes = Paths.get(JbpApplication.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        Set<String> resources = new TreeSet<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")
                    && !f.getFileName().toString().contains("$")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                    // interfaces with @Path are REST clients (calls out), not resources of this API
                    if (!type.isInterface() && type.isAnnotationPresent(Path.class)) {
                        resources.add(name);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    // a class that cannot load outside the server is no JAX-RS resource of ours
                }
            }
        }
        resources.add(JbpApplication.class.getName());
        assertEquals(resources, listed);
    }
}
