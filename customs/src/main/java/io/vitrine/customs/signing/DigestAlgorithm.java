package io.vitrine.customs.signing;

import java.util.Arrays;
import java.util.Optional;

/**
 * The digest of the signed document (the Reference's DigestMethod). Sources disagree on whether the SM2
 * variant digests with SM3 or SHA-1 (domain.md), so it is configured independently of the signature.
 * SM3 has no W3C URI; we use the one chinaport published with its 2022 SM2 profile.
 */
public enum DigestAlgorithm {
    SHA1("http://www.w3.org/2000/09/xmldsig#sha1"),
    SM3("http://www.chinaport.gov.cn/2022/04/xmldsig#sm3");

    private final String uri;

    DigestAlgorithm(String uri) {
        this.uri = uri;
    }

    public String uri() {
        return uri;
    }

    public static Optional<DigestAlgorithm> ofUri(String uri) {
        return Arrays.stream(values()).filter(a -> a.uri.equals(uri)).findFirst();
    }
}
