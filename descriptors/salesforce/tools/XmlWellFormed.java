import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Checks that every XML file (and every Visualforce page, which must be XML too) under the given
 * directories is well-formed (XML files also namespace-well-formed), with the JDK's own parser so it runs wherever Maven runs.
 * Run as a single-file program: {@code java XmlWellFormed.java DIR...}. Exit status 1 names the
 * files that are not. DOCTYPEs are refused, so no file can make the check read anything else.
 */
public final class XmlWellFormed {

    private static final List<String> SUFFIXES = List.of(".xml", ".page", ".component", ".cmp", ".design");

    public static void main(String[] args) throws IOException, ParserConfigurationException {
        if (args.length == 0) {
            System.err.println("usage: java XmlWellFormed.java DIR...");
            System.exit(2);
        }
        DocumentBuilder xmlParser = newParser(true);
        // Visualforce markup uses the apex: and c: prefixes without declaring them.
        DocumentBuilder markupParser = newParser(false);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String dir : args) {
            Path root = Path.of(dir);
            if (!Files.isDirectory(root)) {
                failures.add(dir + ": not a directory");
                continue;
            }
            for (Path file : xmlFilesUnder(root)) {
                checked++;
                DocumentBuilder parser = file.toString().endsWith(".xml") ? xmlParser : markupParser;
                try {
                    parser.reset();
                    parser.parse(file.toFile());
                } catch (SAXParseException e) {
                    failures.add(file + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
                } catch (SAXException e) {
                    failures.add(file + ": " + e.getMessage());
                }
            }
        }
        if (!failures.isEmpty()) {
            failures.forEach(f -> System.err.println("not well-formed: " + f));
            System.err.println(failures.size() + " of " + checked + " XML files are not well-formed");
            System.exit(1);
        }
        if (checked == 0) {
            System.err.println("no XML files found under " + String.join(" ", args));
            System.exit(1);
        }
        System.out.println(checked + " XML files are well-formed");
    }

    private static List<Path> xmlFilesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> SUFFIXES.stream().anyMatch(s -> f.getFileName().toString().endsWith(s)))
                    .filter(f -> !f.toString().contains("node_modules"))
                    .sorted()
                    .toList();
        }
    }

    private static DocumentBuilder newParser(boolean namespaceAware) throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(namespaceAware);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setValidating(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) throws SAXException {
                throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                throw e;
            }
        });
        return builder;
    }
}
