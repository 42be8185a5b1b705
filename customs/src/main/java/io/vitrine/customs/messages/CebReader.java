package io.vitrine.customs.messages;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CEB messages: ours, and receipts as customs sends them. Accepts the {@code ceb:} prefix, a default
 * namespace or none, a lower-case guid (stored upper case), {@code consigneeDistrict} for {@code consigneeDitrict},
 * {@code returnTime} with or without milliseconds; skips the signature and other foreign elements.
 *
 * <p>Safe against hostile XML: a document type declaration (DTD) or an entity reference is refused, never
 * resolved (no external entities, no entity expansion: XXE and "billion laughs"), input beyond {@code maxBytes} is
 * refused before it is held, nesting beyond {@value #MAX_DEPTH} levels too. Everything refused is a
 * {@link MalformedMessageException}. Thread-safe.
 */
public final class CebReader {

    /** A CEB625 holds up to 100 heads of 99 lines: a few MiB at most. */
    public static final int DEFAULT_MAX_BYTES = 8 * 1024 * 1024;
    static final int MAX_DEPTH = 16;
    private static final String SIGNATURE_NAMESPACE = "http://www.w3.org/2000/09/xmldsig#";

    private final XMLInputFactory factory;
    private final int maxBytes;

    public CebReader() {
        this(DEFAULT_MAX_BYTES);
    }

    public CebReader(int maxBytes) {
        this.maxBytes = maxBytes;
        this.factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external resources are not resolved");
        });
    }

    /** The message whatever its type (a receipt of any kind, one of ours). */
    public CebMessage<?> read(byte[] xml) {
        if (xml.length > maxBytes) {
            throw tooLarge();
        }
        return read(new ByteArrayInputStream(xml));
    }

    /** Reads at most {@code maxBytes} of {@code in}; the caller closes it. */
    public CebMessage<?> read(InputStream in) {
        return toMessage(parse(in));
    }

    /** The message, which must be of {@code expected} type. */
    @SuppressWarnings("unchecked")
    public <B> CebMessage<B> read(byte[] xml, MessageType<B> expected) {
        CebMessage<?> message = read(xml);
        if (message.type() != expected) {
            throw new MalformedMessageException("root", "UNEXPECTED_MESSAGE_TYPE",
                    "expected " + expected.rootElement() + ", got " + message.type().rootElement());
        }
        return (CebMessage<B>) message;
    }

    private CebMessage<?> toMessage(XmlElement root) {
        MessageType<?> type = MessageType.ofRootElement(root.name())
                .orElseThrow(() -> new MalformedMessageException("root", "UNKNOWN_MESSAGE_TYPE",
                        "not a CEB message this platform reads"));
        String rawGuid = root.attributes().get("guid");
        if (rawGuid == null) {
            throw new MalformedMessageException("root.guid", "FIELD_REQUIRED", "the root's guid is missing");
        }
        String guid;
        try {
            guid = CebFormats.readGuid(rawGuid);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("root.guid", "FIELD_FORMAT", "expected a 36-character guid");
        }
        return bodies(type, guid, root);
    }

    private <B> CebMessage<B> bodies(MessageType<B> type, String guid, XmlElement root) {
        BodySchema<B> schema = type.body();
        List<XmlElement> elements = root.children(schema.element());
        if (elements.isEmpty()) {
            throw new MalformedMessageException(schema.element(), "BLOCK_COUNT",
                    "a " + type.rootElement() + " holds at least one " + schema.element());
        }
        List<B> bodies = new ArrayList<>();
        for (XmlElement element : elements) {
            bodies.add(schema.read(element, schema.element() + "[" + (bodies.size() + 1) + "]"));
        }
        List<XmlElement> transfers = root.children(Schemas.BASE_TRANSFER.element());
        BaseTransfer transfer = transfers.isEmpty() ? null
                : Schemas.BASE_TRANSFER.read(transfers.get(0), Schemas.BASE_TRANSFER.element());
        return new CebMessage<>(type, guid, bodies, transfer);
    }

    /** A tree of the CEB elements; refuses DTDs, entity references, excessive size and depth. */
    private XmlElement parse(InputStream in) {
        Bounded bounded = new Bounded(in, maxBytes);
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(bounded);
            return tree(reader);
        } catch (XMLStreamException e) {
            if (bounded.exceeded) {
                throw tooLarge();
            }
            throw new MalformedMessageException("root", "XML_MALFORMED", "not well-formed XML, or a refused DTD or "
                    + "entity");
        } catch (MalformedMessageException e) {
            throw e;
        } catch (RuntimeException e) {
            // the JDK parser reports some malformed input unchecked; never let it pass as anything else
            throw new MalformedMessageException("root", "XML_MALFORMED", "not well-formed XML");
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing held beyond the stream, which the caller closes
                }
            }
        }
    }

    private XmlElement tree(XMLStreamReader reader) throws XMLStreamException {
        Deque<Building> open = new ArrayDeque<>();
        int skipping = 0;
        XmlElement root = null;
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.DTD -> throw new MalformedMessageException("root", "XML_DTD_REFUSED",
                        "a document type declaration is not accepted");
                case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION ->
                        throw new MalformedMessageException("root", "XML_ENTITY_REFUSED", "entities are not accepted");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (open.size() + skipping >= MAX_DEPTH) {
                        throw new MalformedMessageException("root", "XML_TOO_DEEP", "elements nest too deep");
                    }
                    String namespace = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
                    if (skipping > 0 || !(namespace.isEmpty() || namespace.equals(CebFormats.NAMESPACE))) {
                        if (open.isEmpty() && skipping == 0) {
                            throw new MalformedMessageException("root", "UNKNOWN_MESSAGE_TYPE",
                                    "the root is not in the CEB namespace");
                        }
                        skipping++; // ds:Signature and anything else not ours
                        continue;
                    }
                    Map<String, String> attributes = new LinkedHashMap<>();
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                    }
                    open.push(new Building(namespace, reader.getLocalName(), attributes));
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (skipping == 0 && !open.isEmpty()) {
                        open.peek().text.append(reader.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (skipping > 0) {
                        skipping--;
                        continue;
                    }
                    Building done = open.pop();
                    XmlElement element = done.build();
                    if (open.isEmpty()) {
                        root = element;
                    } else {
                        open.peek().children.add(element);
                    }
                }
                default -> {
                    // comments, processing instructions, the document's start and end
                }
            }
        }
        if (root == null) {
            throw new MalformedMessageException("root", "XML_MALFORMED", "no root element");
        }
        return root;
    }

    private MalformedMessageException tooLarge() {
        return new MalformedMessageException("root", "XML_TOO_LARGE", "a message is at most " + maxBytes + " bytes");
    }

    private static final class Building {
        final String namespace;
        final String name;
        final Map<String, String> attributes;
        final StringBuilder text = new StringBuilder();
        final List<XmlElement> children = new ArrayList<>();

        Building(String namespace, String name, Map<String, String> attributes) {
            this.namespace = namespace;
            this.name = name;
            this.attributes = attributes;
        }

        XmlElement build() {
            return new XmlElement(namespace, name, Map.copyOf(attributes), text.toString().strip(),
                    List.copyOf(children));
        }
    }

    /** Stops reading past the limit, so a huge stream is refused without being held. */
    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private long count;
        boolean exceeded;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws IOException {
            count += n;
            if (count > limit) {
                exceeded = true;
                throw new IOException("more than " + limit + " bytes");
            }
        }
    }
}
