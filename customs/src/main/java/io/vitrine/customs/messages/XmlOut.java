package io.vitrine.customs.messages;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes {@code ceb:}-prefixed elements, indented two spaces per level so a person can read what we declared. */
final class XmlOut {

    private final XMLStreamWriter writer;
    private int depth;

    XmlOut(XMLStreamWriter writer) {
        this.writer = writer;
    }

    void start(String name) throws XMLStreamException {
        indent();
        writer.writeStartElement(CebFormats.PREFIX, name, CebFormats.NAMESPACE);
        depth++;
    }

    void end() throws XMLStreamException {
        depth--;
        indent();
        writer.writeEndElement();
    }

    void leaf(String name, String text) throws XMLStreamException {
        indent();
        writer.writeStartElement(CebFormats.PREFIX, name, CebFormats.NAMESPACE);
        writer.writeCharacters(text);
        writer.writeEndElement();
    }

    /** Inside the root element, whose tags the caller writes. */
    void down() {
        depth++;
    }

    /** Back to the root element's level: its end tag on its own line. */
    void up() throws XMLStreamException {
        depth--;
        indent();
    }

    private void indent() throws XMLStreamException {
        writer.writeCharacters("\n" + "  ".repeat(depth));
    }
}
