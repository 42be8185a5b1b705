package io.vitrine.customs.signing;

import java.security.cert.X509Certificate;

/**
 * Checks the enveloped signature of a CEB message against the certificate it carries. It proves the
 * document is unchanged since that certificate's key signed it; whether the certificate is one we trust
 * is the caller's decision ({@link VerifiedSignature#certificate()}).
 */
public interface SignatureVerifier {

    /** @throws SignatureRejectedException when absent, malformed, or not matching the document */
    VerifiedSignature verify(byte[] signedMessage);

    /**
     * Checks a {@link TextSignature} over {@code text} (UTF-8) against a certificate the caller already trusts (the
     * text carries only the certificate's serial number).
     *
     * @throws SignatureRejectedException when the value is malformed or does not match
     */
    void verifyText(String text, String signValue, X509Certificate certificate,
                    SignatureAlgorithm algorithm);
}
