package io.vitrine.customs.signing;

import java.util.Objects;

/**
 * A signature over a plain string, as the e-port's "sign data" call returns it (the "179" payment data upload carries
 * both in its JSON).
 *
 * @param certNo    the signing certificate's serial number, lower-case hex (the same value as KeyInfo's KeyName)
 * @param signValue the signature value, Base64 (RSA: PKCS#1 v1.5; SM2: the 64-byte r‖s)
 */
public record TextSignature(String certNo, String signValue) {

    public TextSignature {
        Objects.requireNonNull(certNo, "certNo");
        Objects.requireNonNull(signValue, "signValue");
    }
}
