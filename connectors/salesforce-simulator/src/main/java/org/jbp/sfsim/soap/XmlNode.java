package org.jbp.sfsim.soap;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A small element tree of a SOAP request. Requests are at most 200 records, so a tree is cheap and keeps
 * the operation code simple; responses, which can be large, are streamed instead.
 */
final class XmlNode {

    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final XMLInputFactory FACTORY = newFactory();

    private final String namespace;
    private final String name;
    private final boolean nil;
    private final List<XmlNode> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    private XmlNode(String namespace, String name, boolean nil) {
        this.namespace = namespace;
        this.name = name;
        this.nil = nil;
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        // No DTDs or external entities in a SOAP request.
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    static XmlNode parse(InputStream in) throws XMLStreamException {
        XMLStreamReader r = FACTORY.createXMLStreamReader(in, "UTF-8");
        try {
            List<XmlNode> stack = new ArrayList<>();
            XmlNode root = null;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String nilAttr = r.getAttributeValue(XSI, "nil");
                    XmlNode n = new XmlNode(r.getNamespaceURI(), r.getLocalName(),
                            "true".equals(nilAttr) || "1".equals(nilAttr));
                    if (stack.isEmpty()) {
                        root = n;
                    } else {
                        stack.get(stack.size() - 1).children.add(n);
                    }
                    stack.add(n);
                } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                    if (!stack.isEmpty()) {
                        stack.get(stack.size() - 1).text.append(r.getText());
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    stack.remove(stack.size() - 1);
                }
            }
            if (root == null) {
                throw new XMLStreamException("empty document");
            }
            return root;
        } finally {
            r.close();
        }
    }

    String namespace() {
        return namespace;
    }

    String name() {
        return name;
    }

    boolean nil() {
        return nil;
    }

    /** Text content; null for xsi:nil elements. */
    String text() {
        return nil ? null : text.toString();
    }

    List<XmlNode> children() {
        return children;
    }

    Optional<XmlNode> child(String localName) {
        for (XmlNode c : children) {
            if (c.name.equals(localName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    List<XmlNode> all(String localName) {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode c : children) {
            if (c.name.equals(localName)) {
                out.add(c);
            }
        }
        return out;
    }

    String childText(String localName) {
        return child(localName).map(XmlNode::text).orElse(null);
    }
}
