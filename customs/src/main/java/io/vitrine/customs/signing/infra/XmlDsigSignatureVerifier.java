package io.vitrine.customs.signing.infra;

import io.vitrine.customs.signing.SignatureAlgorithm;
import io.vitrine.customs.signing.SignatureRejectedException;

import io.vitrine.customs.signing.SignatureVerifier;
import io.vitrine.customs.signing.VerifiedSignature;
import io.vitrine.customs.xml.SafeXml;
import io.vitrine.customs.xml.XmlRejectedException;

import java.security.cert.X509Certificate;

/** Checks enveloped RSA-SHA1 and SM2 signatures with SHA-1 or SM3 digests. Thread-safe. */
public final class XmlDsigSignatureVerifier implements SignatureVerifier {

    private final int maxMessageBytes;

    public XmlDsigSignatureVerifier(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public VerifiedSignature verify(byte[] signedMessage) {
        try {
            return EnvelopedSignature.verify(SafeXml.parse(signedMessage, maxMessageBytes));
        } catch (XmlRejectedException e) {
            throw new SignatureRejectedException("cannot check: " + e.getMessage(), e);
        }
    }

    @Override
    public void verifyText(String text, String signValue, X509Certificate certificate, SignatureAlgorithm algorithm) {
        TextSigning.verify(text, signValue, certificate, algorithm);
    }
}
