package io.vitrine.customs.signing.infra;

import io.vitrine.customs.signing.SigningFailedException;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The embedded mode's own signing key ({@code vitrine.customs.signer.generated}): an RSA 2048 key and a self-signed
 * certificate (ten years), made the first time in {@code <dir>} ({@code signer-key.pem}, PKCS#8 readable by the owner
 * only, and {@code signer-certificate.pem}) and read from there on every later start, so messages signed before a
 * restart verify against the same certificate. Good for the built-in simulator only: the single window trusts the
 * certificates of registered e-port cards, never this one.
 */
final class GeneratedSigningKeys {

    static final String KEY = "signer-key.pem";
    static final String CERTIFICATE = "signer-certificate.pem";

    private GeneratedSigningKeys() {
    }

    static synchronized SigningKey loadOrCreate(Path dir, Clock clock) {
        Path key = dir.resolve(KEY);
        Path certificate = dir.resolve(CERTIFICATE);
        try {
            if (!Files.exists(key) || !Files.exists(certificate)) {
                create(Files.createDirectories(dir), key, certificate, clock);
            }
        } catch (IOException e) {
            throw new SigningFailedException("cannot keep the generated signing key in " + dir + ": " + e.getMessage(), e);
        }
        return SigningKeys.fromPem(key, certificate, null);
    }

    private static void create(Path dir, Path key, Path certificate, Clock clock) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=Vitrine embedded declarant (simulator only), O=Vitrine, C=CN");
            Instant now = clock.instant();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(64, new SecureRandom()).add(BigInteger.ONE), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(3650))), name, pair.getPublic());
            X509Certificate cert = new JcaX509CertificateConverter().setProvider(Crypto.BOUNCY_CASTLE).getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").setProvider(Crypto.BOUNCY_CASTLE)
                            .build(pair.getPrivate())));
            // the certificate first, the key last: a start that finds the key finds a complete pair
            write(dir, certificate, cert);
            write(dir, key, new JcaPKCS8Generator(pair.getPrivate(), null));
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new SigningFailedException("cannot generate the embedded signing key: " + e.getMessage(), e);
        }
    }

    private static void write(Path dir, Path target, Object pemObject) throws IOException {
        Path temporary = Files.createTempFile(dir, ".signer", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the data directory's own permissions guard it
            }
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.US_ASCII);
                 JcaPEMWriter pem = new JcaPEMWriter(writer)) {
                pem.writeObject(pemObject);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
