package io.vitrine.customs.signing.infra;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;
import io.vitrine.customs.signing.MessageSigner;
import io.vitrine.customs.signing.SignatureVerifier;
import jakarta.inject.Singleton;

import io.micronaut.context.annotation.Value;
import io.vitrine.customs.signing.DigestAlgorithm;
import io.vitrine.customs.signing.SignatureAlgorithm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;

/** The signer from {@code vitrine.customs.signer.*}; start-up stops with a message naming what is missing. */
@Factory
class SigningFactory {

    private static final Logger LOG = LoggerFactory.getLogger(SigningFactory.class);

    @Singleton
    @Requires(property = "vitrine.customs.signer.enabled", value = "true")
    MessageSigner localKeySigner(SignerConfiguration config) {
        return new XmlDsigMessageSigner(key(config), config.algorithm(), config.digest(), config.maxMessageSize());
    }

    /**
     * The embedded mode's generated key ({@code vitrine.customs.signer.generated}, only while no local key is
     * configured): kept in {@code <vitrine.data-dir>/customs-signer}, made once, reused on every restart.
     */
    @Singleton
    @Requires(property = "vitrine.customs.signer.generated", value = "true")
    @Requires(property = "vitrine.customs.signer.enabled", notEquals = "true")
    MessageSigner generatedKeySigner(SignerConfiguration config, @Value("${vitrine.data-dir:./data}") Path dataDir,
                                     Clock clock) {
        SigningKey key = GeneratedSigningKeys.loadOrCreate(dataDir.resolve("customs-signer"), clock);
        LOG.info("customs: signing with the generated key in {} (certificate serial {}): the built-in simulator "
                + "accepts it, the single window would not", dataDir.resolve("customs-signer"),
                key.certificate().getSerialNumber().toString(16));
        return new XmlDsigMessageSigner(key, SignatureAlgorithm.RSA_SHA1, DigestAlgorithm.SHA1, config.maxMessageSize());
    }

    @Singleton
    SignatureVerifier signatureVerifier(SignerConfiguration config) {
        return new XmlDsigSignatureVerifier(config.maxMessageSize());
    }

    static SigningKey key(SignerConfiguration config) {
        if (present(config.keyStore())) {
            return SigningKeys.fromPkcs12(Path.of(config.keyStore()), chars(config.keyStorePassword()),
                    present(config.keyAlias()) ? config.keyAlias() : null);
        }
        if (present(config.privateKey()) && present(config.certificate())) {
            return SigningKeys.fromPem(Path.of(config.privateKey()), Path.of(config.certificate()),
                    present(config.privateKeyPassword()) ? config.privateKeyPassword().toCharArray() : null);
        }
        throw new ConfigurationException("vitrine.customs.signer.enabled is true but no key is configured: set "
                + "vitrine.customs.signer.key-store (PKCS#12), or vitrine.customs.signer.private-key and .certificate (PEM)");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static char[] chars(String password) {
        return password == null ? new char[0] : password.toCharArray();
    }
}
