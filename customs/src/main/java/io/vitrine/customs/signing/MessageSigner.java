package io.vitrine.customs.signing;

/**
 * Signs a CEB message: returns the same document with an enveloped {@code ds:Signature} appended as the
 * root's last child (after BaseTransfer). The input must not already be signed. Implementations may
 * hold the key locally or call a signing device.
 */
public interface MessageSigner {

    byte[] sign(byte[] unsignedMessage);

    /**
     * Signs a plain string (its UTF-8 bytes) with the same key and {@link #algorithm()}: what the e-port's "sign data"
     * call does for the "179" payment data upload. No canonicalisation, no envelope.
     */
    TextSignature signText(String text);

    SignatureAlgorithm algorithm();

    DigestAlgorithm digest();
}
