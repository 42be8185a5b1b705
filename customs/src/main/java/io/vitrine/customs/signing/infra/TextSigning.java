package io.vitrine.customs.signing.infra;

import io.vitrine.customs.signing.SignatureAlgorithm;
import io.vitrine.customs.signing.SignatureRejectedException;
import io.vitrine.customs.signing.SigningFailedException;
import io.vitrine.customs.signing.TextSignature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** A signature over a string's UTF-8 bytes, with the same JCA choices ({@link Crypto}) as the enveloped signature. */
final class TextSigning {

    private TextSigning() {
    }

    static TextSignature sign(String text, SigningKey key, SignatureAlgorithm algorithm) {
        try {
            Signature signer = Crypto.signature(algorithm);
            signer.initSign(key.privateKey());
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            byte[] value = Crypto.toSignatureValue(algorithm, key.privateKey(), signer.sign());
            return new TextSignature(key.certificate().getSerialNumber().toString(16),
                    Base64.getEncoder().encodeToString(value));
        } catch (GeneralSecurityException e) {
            throw new SigningFailedException("the key cannot make a " + algorithm + " signature: " + e.getMessage(), e);
        }
    }

    static void verify(String text, String signValue, X509Certificate certificate, SignatureAlgorithm algorithm) {
        byte[] value;
        try {
            value = Base64.getMimeDecoder().decode(signValue);
        } catch (IllegalArgumentException e) {
            throw new SignatureRejectedException("signValue is not Base64");
        }
        try {
            Signature verifier = Crypto.signature(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(text.getBytes(StandardCharsets.UTF_8));
            if (!verifier.verify(Crypto.fromSignatureValue(algorithm, certificate.getPublicKey(), value))) {
                throw new SignatureRejectedException("signValue does not match the text and the certificate");
            }
        } catch (GeneralSecurityException e) {
            throw new SignatureRejectedException("the signature cannot be checked: " + e.getMessage(), e);
        }
    }
}
