package io.vitrine.api.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The HMAC secret that signs and verifies staff JWTs (micronaut-security-jwt's "generator" signature).
 *
 * <p>From {@code vitrine.jwt.secret} (VITRINE_JWT_SECRET) when set. Otherwise, only where
 * {@code vitrine.jwt.generate-if-missing} allows it (embedded mode), a random secret is created once and
 * kept in {@code <data-dir>/secrets/jwt-signing-secret}, so a restart keeps everyone signed in. In cluster
 * mode every instance must share one secret, so a missing one stops start-up.
 */
@Factory
class JwtSigningSecret {

    /** HS256 needs at least 256 bits of key. */
    static final int MINIMUM_LENGTH = 32;

    /**
     * Declared as the interface on purpose: a {@code SecretSignatureConfiguration} or {@code SecretSignature}
     * bean would inherit micronaut-security's {@code @EachProperty}/{@code @EachBean} metadata and be disabled
     * unless {@code micronaut.security.token.jwt.signatures.secret.generator.*} is configured.
     */
    @Context
    @Named("generator")
    SignatureGeneratorConfiguration generator(@Nullable @Value("${vitrine.jwt.secret:}") String configured,
                                              @Value("${vitrine.jwt.generate-if-missing:false}") boolean generateIfMissing,
                                              @Value("${vitrine.data-dir}") Path dataDir) {
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("generator");
        configuration.setSecret(secret(configured, generateIfMissing, dataDir));
        return new SecretSignature(configuration);
    }

    private static String secret(@Nullable String configured, boolean generateIfMissing, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < MINIMUM_LENGTH) {
                throw new ConfigurationException("VITRINE_JWT_SECRET must be at least " + MINIMUM_LENGTH + " characters");
            }
            return configured;
        }
        if (!generateIfMissing) {
            throw new ConfigurationException("VITRINE_JWT_SECRET is required in cluster mode "
                    + "(the same random string, at least " + MINIMUM_LENGTH + " characters, on every instance)");
        }
        return keptInDataDir(dataDir.resolve("secrets").resolve("jwt-signing-secret"));
    }

    private static String keptInDataDir(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] random = new byte[48];
                new SecureRandom().nextBytes(random);
                String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                try {
                    Files.writeString(Files.createFile(file), fresh, StandardCharsets.US_ASCII);
                    restrictToOwner(file);
                } catch (FileAlreadyExistsException anotherInstanceWon) {
                    // two processes on one data dir at first start: keep the one written first
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the JWT signing secret in " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data dir's own ACL applies
        }
    }

}
