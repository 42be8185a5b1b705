package io.vitrine.customs.signing;

import java.util.Arrays;
import java.util.Optional;

/**
 * The signature methods seen on CEB messages (domain.md "Signature"). The SM2 URI is the one
 * chinaport's own samples carry. The method names the key and the hash of SignedInfo; the digest of
 * the document is chosen separately ({@link DigestAlgorithm}).
 */
public enum SignatureAlgorithm {
    RSA_SHA1("http://www.w3.org/2000/09/xmldsig#rsa-sha1"),
    SM2_SM3("http://www.w3.org/2000/09/xmldsig#sm2-sm3");

    private final String uri;

    SignatureAlgorithm(String uri) {
        this.uri = uri;
    }

    public String uri() {
        return uri;
    }

    public static Optional<SignatureAlgorithm> ofUri(String uri) {
        return Arrays.stream(values()).filter(a -> a.uri.equals(uri)).findFirst();
    }
}
