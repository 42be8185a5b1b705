package io.vitrine.customs.signing.infra;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;
import io.vitrine.customs.signing.DigestAlgorithm;
import io.vitrine.customs.signing.SignatureAlgorithm;

/**
 * {@code vitrine.customs.signer.*}: which algorithm and digest, and where the local key is: a PKCS#12
 * file ({@code key-store}) or a PEM private key with its PEM certificate. Passwords only from the
 * environment (VITRINE_CUSTOMS_SIGNER_KEY_STORE_PASSWORD, VITRINE_CUSTOMS_SIGNER_PRIVATE_KEY_PASSWORD).
 *
 * @param enabled            sign with a local key; off: no {@code MessageSigner} bean (a signing device or
 *                           the simulator provides one)
 * @param generated          without a local key ({@code enabled} false): sign with an RSA key and self-signed
 *                           certificate generated once in {@code <vitrine.data-dir>/customs-signer} (embedded mode,
 *                           for the built-in simulator; off in cluster mode)
 * @param maxMessageSize     largest CEB message read for signing or checking
 */
@ConfigurationProperties("vitrine.customs.signer")
public record SignerConfiguration(
        @Bindable(defaultValue = "false") boolean enabled,
        @Bindable(defaultValue = "false") boolean generated,
        @Bindable(defaultValue = "RSA_SHA1") SignatureAlgorithm algorithm,
        @Bindable(defaultValue = "SHA1") DigestAlgorithm digest,
        @Nullable String keyStore,
        @Nullable String keyStorePassword,
        @Nullable String keyAlias,
        @Nullable String privateKey,
        @Nullable String privateKeyPassword,
        @Nullable String certificate,
        @ReadableBytes @Bindable(defaultValue = "8MB") int maxMessageSize) {

    @Override
    public String toString() {
        return "SignerConfiguration[" + algorithm + "/" + digest + ", keyStore=" + keyStore + ", privateKey=" + privateKey + "]"; // never a password
    }
}
