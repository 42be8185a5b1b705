package io.vitrine.customs.signing;

import java.security.cert.X509Certificate;

/** A signature that matched its document: how it was made and the certificate whose key made it. */
public record VerifiedSignature(SignatureAlgorithm algorithm, DigestAlgorithm digest, X509Certificate certificate) {
}
