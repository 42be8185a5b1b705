package io.vitrine.customs.signing;

/**
 * Checks the enveloped signature of a CEB message against the certificate it carries. It proves the
 * document is unchanged since that certificate's key signed it; whether the certificate is one we trust
 * is the caller's decision ({@link VerifiedSignature#certificate()}).
 */
public interface SignatureVerifier {

    /** @throws SignatureRejectedException when absent, malformed, or not matching the document */
    VerifiedSignature verify(byte[] signedMessage);
}
