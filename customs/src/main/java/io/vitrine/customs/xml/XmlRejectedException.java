package io.vitrine.customs.xml;

/** A document we refuse to read: too large, not well-formed, or carrying a DTD. */
public class XmlRejectedException extends RuntimeException {

    public XmlRejectedException(String message) {
        super(message);
    }

    public XmlRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
