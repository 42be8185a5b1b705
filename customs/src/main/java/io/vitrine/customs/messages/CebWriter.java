package io.vitrine.customs.messages;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link CebMessage} as UTF-8 XML: {@code <ceb:CEBnnnMessage guid="…" version="1.0"
 * xmlns:ceb="http://www.chinaport.gov.cn/ceb">}, the bodies in the standard's element order ({@link Schemas}), then
 * {@code BaseTransfer}. Unsigned: the signing step adds the enveloped signature after {@code BaseTransfer}.
 * Thread-safe; the JDK's own StAX implementation (no JAXB).
 */
public final class CebWriter {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    public <B> byte[] write(CebMessage<B> message) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try {
            XMLStreamWriter writer = FACTORY.createXMLStreamWriter(bytes, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
            writer.writeCharacters("\n");
            writer.setPrefix(CebFormats.PREFIX, CebFormats.NAMESPACE);
            writer.writeStartElement(CebFormats.PREFIX, message.type().rootElement(), CebFormats.NAMESPACE);
            writer.writeAttribute("guid", message.guid());
            writer.writeAttribute("version", CebFormats.VERSION);
            writer.writeNamespace(CebFormats.PREFIX, CebFormats.NAMESPACE);
            XmlOut out = new XmlOut(writer);
            out.down();
            BodySchema<B> body = message.type().body();
            for (B b : message.bodies()) {
                body.write(out, b);
            }
            if (message.baseTransfer() != null) {
                Schemas.BASE_TRANSFER.write(out, message.baseTransfer());
            }
            out.up();
            writer.writeEndElement();
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write " + message.type(), e);
        }
        return bytes.toByteArray();
    }

    public <B> String writeString(CebMessage<B> message) {
        return new String(write(message), StandardCharsets.UTF_8);
    }
}
