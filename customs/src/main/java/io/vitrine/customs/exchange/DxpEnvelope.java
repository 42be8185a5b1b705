package io.vitrine.customs.exchange;

import io.vitrine.customs.xml.SafeXml;
import io.vitrine.customs.xml.XmlRejectedException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The DXP transport wrapper (domain.md "Transport wrapper"):
 * {@code <dxp:DxpMsg ver="1.0">} with {@code TransInfo} (CopMsgId, SenderId, ReceiverIds/ReceiverId,
 * CreatTime, MsgType) and {@code Data}, the signed CEB XML in Base64. Reading accepts the {@code dxp:}
 * prefix or a default namespace, and CreatTime as ISO local time or 14 digits.
 */
public final class DxpEnvelope {

    public static final String NAMESPACE = "http://www.chinaport.gov.cn/dxp";

    private static final DateTimeFormatter CREAT_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter DIGITS = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

    private DxpEnvelope() {
    }

    public static byte[] write(DxpMessage message) {
        TransInfo info = message.transInfo();
        Document document = SafeXml.newDocument();
        Element root = document.createElementNS(NAMESPACE, "dxp:DxpMsg");
        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:dxp", NAMESPACE);
        root.setAttribute("ver", "1.0");
        document.appendChild(root);
        Element trans = child(root, "TransInfo", null);
        child(trans, "CopMsgId", info.copMsgId());
        child(trans, "SenderId", info.senderId());
        Element receivers = child(trans, "ReceiverIds", null);
        info.receiverIds().forEach(id -> child(receivers, "ReceiverId", id));
        child(trans, "CreatTime", CREAT_TIME.format(info.creatTime().truncatedTo(ChronoUnit.SECONDS)));
        child(trans, "MsgType", info.msgType());
        child(root, "Data", Base64.getEncoder().encodeToString(message.data()));
        return SafeXml.serialize(document);
    }

    /** @throws XmlRejectedException when it is not a well-formed DXP envelope within the size limit */
    public static DxpMessage read(byte[] envelope, int maxBytes) {
        Element root = SafeXml.parse(envelope, maxBytes).getDocumentElement();
        if (!isDxp(root, "DxpMsg")) {
            throw new XmlRejectedException("not a DXP envelope: root is " + root.getNodeName());
        }
        Element trans = required(root, "TransInfo");
        List<String> receivers = new ArrayList<>();
        for (Element id : children(required(trans, "ReceiverIds"), "ReceiverId")) {
            receivers.add(id.getTextContent().strip());
        }
        try {
            TransInfo info = new TransInfo(text(trans, "CopMsgId"), text(trans, "SenderId"), receivers,
                    creatTime(text(trans, "CreatTime")), text(trans, "MsgType"));
            return new DxpMessage(info, Base64.getMimeDecoder().decode(text(root, "Data")));
        } catch (IllegalArgumentException e) {
            throw new XmlRejectedException("invalid DXP envelope: " + e.getMessage(), e);
        }
    }

    /** What a received file carries: the Data of a DXP envelope, or the file itself when it is bare CEB XML. */
    public static byte[] payloadOf(byte[] file, int maxBytes) {
        Element root = SafeXml.parse(file, maxBytes).getDocumentElement();
        return isDxp(root, "DxpMsg") ? read(file, maxBytes).data() : file;
    }

    private static LocalDateTime creatTime(String text) {
        try {
            return text.contains("-") ? LocalDateTime.parse(text) : LocalDateTime.parse(text, DIGITS);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("CreatTime is not a date-time: " + text, e);
        }
    }

    private static Element child(Element parent, String name, String text) {
        Element element = parent.getOwnerDocument().createElementNS(NAMESPACE, "dxp:" + name);
        if (text != null) {
            element.setTextContent(text);
        }
        parent.appendChild(element);
        return element;
    }

    private static boolean isDxp(Element element, String localName) {
        return NAMESPACE.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && isDxp(element, localName)) {
                found.add(element);
            }
        }
        return found;
    }

    private static Element required(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        if (found.size() != 1) {
            throw new XmlRejectedException("DXP envelope needs exactly one " + localName + ", found " + found.size());
        }
        return found.get(0);
    }

    private static String text(Element parent, String localName) {
        return required(parent, localName).getTextContent().strip();
    }
}
