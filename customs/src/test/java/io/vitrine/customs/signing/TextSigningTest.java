package io.vitrine.customs.signing;

import io.vitrine.customs.signing.infra.SigningKey;
import io.vitrine.customs.signing.infra.XmlDsigMessageSigner;
import io.vitrine.customs.signing.infra.XmlDsigSignatureVerifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plain-text signatures (the "179" upload) through the signing port: both algorithms, checked by the verifier. */
class TextSigningTest {

    private static final String TEXT = "\"sessionID\":\"fe2374-8fnejf97-32839218\"||\"payExchangeInfoHead\":\"{\"guid\":"
            + "\"9D55BA71-22DE-41F4-8B50-C36C83B3B530\",\"totalAmount\":326.21,\"note\":\"备注\"}\"||"
            + "\"payExchangeInfoLists\":\"[]\"||\"serviceTime\":\"1533282603450\"";

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void a_text_signed_with_the_message_key_verifies_and_a_changed_text_does_not(SignatureAlgorithm algorithm) {
        SigningKey key = TestKeys.generate(algorithm);
        MessageSigner signer = new XmlDsigMessageSigner(key, algorithm,
                algorithm == SignatureAlgorithm.SM2_SM3 ? DigestAlgorithm.SM3 : DigestAlgorithm.SHA1, 1 << 20);
        SignatureVerifier verifier = new XmlDsigSignatureVerifier(1 << 20);

        TextSignature signature = signer.signText(TEXT);

        assertThat(signature.certNo()).isEqualTo(key.certificate().getSerialNumber().toString(16));
        if (algorithm == SignatureAlgorithm.SM2_SM3) {
            assertThat(Base64.getDecoder().decode(signature.signValue())).hasSize(64); // r‖s as e-port devices write it
        }
        verifier.verifyText(TEXT, signature.signValue(), key.certificate(), algorithm);
        assertThatThrownBy(() -> verifier.verifyText(TEXT.replace("326.21", "1.00"), signature.signValue(),
                key.certificate(), algorithm)).isInstanceOf(SignatureRejectedException.class);
        assertThatThrownBy(() -> verifier.verifyText(TEXT, "not base64!", key.certificate(), algorithm))
                .isInstanceOf(SignatureRejectedException.class);
        SigningKey other = TestKeys.generate(algorithm);
        assertThatThrownBy(() -> verifier.verifyText(TEXT, signature.signValue(), other.certificate(), algorithm))
                .isInstanceOf(SignatureRejectedException.class);
    }
}
