package io.vitrine.customs.signing;

/**
 * Signs a CEB message: returns the same document with an enveloped {@code ds:Signature} appended as the
 * root's last child (after BaseTransfer). The input must not already be signed. Implementations may
 * hold the key locally or call a signing device.
 */
public interface MessageSigner {

    byte[] sign(byte[] unsignedMessage);

    SignatureAlgorithm algorithm();

    DigestAlgorithm digest();
}
