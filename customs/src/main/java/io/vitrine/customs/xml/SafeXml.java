package io.vitrine.customs.xml;

import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The one way customs code turns bytes into a DOM and back. Parsing is namespace-aware and refuses a
 * DOCTYPE outright (so no entity expansion, no external entity or DTD fetch: CEB messages and DXP
 * envelopes never carry one), and refuses documents over the caller's size limit before reading them.
 * Serialising writes UTF-8 without reformatting, so a signed document keeps its canonical form.
 */
public final class SafeXml {

    // building a factory looks the implementation up through the service loader each time: keep one
    // configured builder and transformer per thread (neither is thread-safe; both are reusable)
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SafeXml::newBuilder);
    private static final ThreadLocal<Transformer> TRANSFORMER = ThreadLocal.withInitial(SafeXml::newTransformer);

    private SafeXml() {
    }

    public static Document parse(byte[] xml, int maxBytes) {
        if (xml.length > maxBytes) {
            throw new XmlRejectedException("document of " + xml.length + " bytes exceeds the limit of " + maxBytes);
        }
        DocumentBuilder builder = BUILDER.get();
        try {
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw new XmlRejectedException("not an acceptable XML document: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new XmlRejectedException("cannot read the XML document", e);
        } finally {
            builder.reset();
            configure(builder);
        }
    }

    /** A new empty namespace-aware document to build into. */
    public static Document newDocument() {
        return BUILDER.get().newDocument();
    }

    /** UTF-8 with an XML declaration, no indentation added. */
    public static byte[] serialize(Document document) {
        document.setXmlStandalone(true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Transformer transformer = TRANSFORMER.get();
        try {
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialise an XML document", e);
        } finally {
            transformer.reset();
            transformer.setOutputProperty(OutputKeys.ENCODING, StandardCharsets.UTF_8.name());
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
        }
    }

    private static Transformer newTransformer() {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, StandardCharsets.UTF_8.name());
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            return transformer;
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot create an XML serialiser", e);
        }
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            configure(builder);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("cannot create a safe XML parser", e);
        }
    }

    /** Errors are fatal and no entity is ever resolved (reset() clears both). */
    private static void configure(DocumentBuilder builder) {
        builder.setErrorHandler(new DefaultHandler() {
            @Override
            public void error(SAXParseException e) throws SAXException {
                throw e;
            }
        });
        builder.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("external entities are not allowed: " + systemId);
        });
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }
}
