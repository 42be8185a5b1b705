package io.vitrine.customs.signing.infra;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/** A private key and the certificate that goes with it into KeyInfo. */
public record SigningKey(PrivateKey privateKey, X509Certificate certificate) {

    public SigningKey {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
    }

    @Override
    public String toString() {
        return "SigningKey[" + certificate.getSubjectX500Principal() + ", serial " + certificate.getSerialNumber().toString(16) + "]";
    }
}
