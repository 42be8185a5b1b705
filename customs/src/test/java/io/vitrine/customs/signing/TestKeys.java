package io.vitrine.customs.signing;

import io.vitrine.customs.signing.infra.SigningKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.OutputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** Fresh key pairs with self-signed certificates, and the PKCS#12 / PEM files configuration points at. */
public final class TestKeys {

    public static final Provider BC = new BouncyCastleProvider();

    private TestKeys() {
    }

    public static SigningKey generate(SignatureAlgorithm algorithm) {
        try {
            KeyPair pair;
            String certificateSignature;
            if (algorithm == SignatureAlgorithm.SM2_SM3) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
                generator.initialize(new ECGenParameterSpec("sm2p256v1"));
                pair = generator.generateKeyPair();
                certificateSignature = "SM3withSM2";
            } else {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                pair = generator.generateKeyPair();
                certificateSignature = "SHA256withRSA";
            }
            X500Name name = new X500Name("CN=Vitrine test declarant, O=Vitrine, C=CN");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(64, new SecureRandom()).add(BigInteger.ONE), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(365))), name, pair.getPublic());
            X509Certificate certificate = new JcaX509CertificateConverter().setProvider(BC).getCertificate(
                    builder.build(new JcaContentSignerBuilder(certificateSignature).setProvider(BC).build(pair.getPrivate())));
            return new SigningKey(pair.getPrivate(), certificate);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path writePkcs12(Path file, SigningKey key, String alias, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12", BC);
        store.load(null, null);
        store.setKeyEntry(alias, key.privateKey(), password, new Certificate[]{key.certificate()});
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        return file;
    }

    /** PKCS#8 key (encrypted with AES-256 when a password is given) and the certificate, both PEM. */
    public static void writePem(Path keyFile, Path certificateFile, SigningKey key, char[] password) throws Exception {
        try (Writer writer = Files.newBufferedWriter(keyFile); JcaPEMWriter pem = new JcaPEMWriter(writer)) {
            pem.writeObject(password == null ? new JcaPKCS8Generator(key.privateKey(), null)
                    : new JcaPKCS8Generator(key.privateKey(), new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                    .setProvider(BC).setPassword(password).build()));
        }
        try (Writer writer = Files.newBufferedWriter(certificateFile); JcaPEMWriter pem = new JcaPEMWriter(writer)) {
            pem.writeObject(key.certificate());
        }
    }
}
