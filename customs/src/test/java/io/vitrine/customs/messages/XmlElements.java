package io.vitrine.customs.messages;

import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A document as the ordered list of its elements, independent of the production reader (JDK DOM): one line per
 * element, {@code /ceb:Order/ceb:OrderHead/ceb:orderNo = VT…}, attributes as {@code @guid = …}. Elements in the CEB
 * namespace print as {@code ceb:} whatever prefix the document uses, so a default-namespace receipt and ours compare
 * equal; comments and indentation do not count.
 */
final class XmlElements {

    private XmlElements() {
    }

    static List<String> of(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
            List<String> lines = new ArrayList<>();
            walk(root, "", lines);
            return lines;
        } catch (Exception e) {
            throw new AssertionError("not readable XML", e);
        }
    }

    /** A golden file under this package's test resources, with {@code GUID} replaced by {@code guid}. */
    static List<String> golden(String name, String guid) {
        try (InputStream in = XmlElements.class.getResourceAsStream(name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("GUID", guid);
            return of(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = XmlElements.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void walk(Element element, String parent, List<String> lines) {
        String ns = element.getNamespaceURI();
        String label = (CebFormats.NAMESPACE.equals(ns) ? "ceb:" : "{" + ns + "}") + element.getLocalName();
        String path = parent + "/" + label;
        NamedNodeMap attributes = element.getAttributes();
        List<String> attributeLines = new ArrayList<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                attributeLines.add(path + "/@" + a.getLocalName() + " = " + a.getNodeValue());
            }
        }
        attributeLines.sort(String::compareTo);
        List<Element> children = new ArrayList<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                children.add(child);
            }
        }
        lines.add(children.isEmpty() ? path + " = " + element.getTextContent().strip() : path);
        lines.addAll(attributeLines);
        for (Element child : children) {
            walk(child, path, lines);
        }
    }
}
