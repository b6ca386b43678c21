package org.jbp.sfsim.soap;

import java.io.OutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a partner API envelope with StAX. Prefixes are fixed: soapenv, the partner namespace as default,
 * sf for sObjects (or faults), xsi and xsd, all declared on the Envelope as Salesforce does.
 */
final class SoapWriter implements AutoCloseable {

    static final String SOAPENV = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String PARTNER = "urn:partner.soap.sforce.com";
    static final String SOBJECT = "urn:sobject.partner.soap.sforce.com";
    static final String FAULT = "urn:fault.partner.soap.sforce.com";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String XSD = "http://www.w3.org/2001/XMLSchema";

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final XMLStreamWriter w;
    private final String sfNamespace;
    private final boolean fault;

    SoapWriter(OutputStream out, boolean fault) throws XMLStreamException {
        this.w = FACTORY.createXMLStreamWriter(out, "UTF-8");
        this.sfNamespace = fault ? FAULT : SOBJECT;
        this.fault = fault;
        w.writeStartDocument("UTF-8", "1.0");
        w.writeStartElement("soapenv", "Envelope", SOAPENV);
        w.writeNamespace("soapenv", SOAPENV);
        if (!fault) {
            // Fault envelopes keep faultcode/faultstring/detail unqualified, so no default namespace there.
            w.writeDefaultNamespace(PARTNER);
        }
        w.writeNamespace("sf", sfNamespace);
        w.writeNamespace("xsi", XSI);
        w.writeNamespace("xsd", XSD);
    }

    /** The SOAP header with the LimitInfoHeader Salesforce sends on every response. */
    void limitInfoHeader(long current, long limit) throws XMLStreamException {
        w.writeStartElement("soapenv", "Header", SOAPENV);
        w.writeStartElement("", "LimitInfoHeader", PARTNER);
        if (fault) {
            w.writeDefaultNamespace(PARTNER);
        }
        w.writeStartElement("", "limitInfo", PARTNER);
        element("current", Long.toString(current));
        element("limit", Long.toString(limit));
        element("type", "API REQUESTS");
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
    }

    void startBody() throws XMLStreamException {
        w.writeStartElement("soapenv", "Body", SOAPENV);
    }

    /** An element in the partner namespace. */
    void start(String name) throws XMLStreamException {
        w.writeStartElement("", name, PARTNER);
    }

    void startTyped(String name, String xsiType) throws XMLStreamException {
        w.writeStartElement("", name, PARTNER);
        w.writeAttribute("xsi", XSI, "type", xsiType);
    }

    /** An element in the sObject (or fault) namespace: {@code <sf:name>}. */
    void startSf(String name) throws XMLStreamException {
        w.writeStartElement("sf", name, sfNamespace);
    }

    void startSfTyped(String name, String xsiType) throws XMLStreamException {
        w.writeStartElement("sf", name, sfNamespace);
        w.writeAttribute("xsi", XSI, "type", xsiType);
    }

    void end() throws XMLStreamException {
        w.writeEndElement();
    }

    void element(String name, String value) throws XMLStreamException {
        if (value == null) {
            nil(name);
            return;
        }
        w.writeStartElement("", name, PARTNER);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    void nil(String name) throws XMLStreamException {
        w.writeEmptyElement("", name, PARTNER);
        w.writeAttribute("xsi", XSI, "nil", "true");
    }

    void sfElement(String name, String value) throws XMLStreamException {
        if (value == null) {
            sfNil(name);
            return;
        }
        w.writeStartElement("sf", name, sfNamespace);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    void sfTypedElement(String name, String xsiType, String value) throws XMLStreamException {
        if (value == null) {
            sfNil(name);
            return;
        }
        w.writeStartElement("sf", name, sfNamespace);
        w.writeAttribute("xsi", XSI, "type", xsiType);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    void sfNil(String name) throws XMLStreamException {
        w.writeEmptyElement("sf", name, sfNamespace);
        w.writeAttribute("xsi", XSI, "nil", "true");
    }

    /** Elements without a namespace (faultcode, faultstring, detail), as in SOAP 1.1 faults. */
    void unqualified(String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    void startUnqualified(String name) throws XMLStreamException {
        w.writeStartElement(name);
    }

    void startSoapenv(String name) throws XMLStreamException {
        w.writeStartElement("soapenv", name, SOAPENV);
    }

    @Override
    public void close() throws XMLStreamException {
        w.writeEndDocument();
        w.flush();
        w.close();
    }
}
