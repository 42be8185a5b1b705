package io.vitrine.tools.fakealipay;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * RSA2 as the Alipay open platform uses it: SHA256withRSA over UTF-8 text, keys and signatures in
 * plain Base64 (PKCS#8 private keys, X.509 public keys, no PEM armour) — the form the SDK's
 * {@code DefaultAlipayClient} and {@code AlipaySignature} take. Only the JDK: the fake must not share
 * the SDK's code, or a bug in it would pass unnoticed.
 */
public final class RsaKeys {

    private static final String ALGORITHM = "SHA256withRSA";

    private RsaKeys() {
    }

    /** A fresh 2048-bit key pair, the size Alipay asks merchants to generate. */
    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String privateKeyText(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
    }

    public static String publicKeyText(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    /** The pair back from its Base64 PKCS#8 private key (the public half is derived from it). */
    public static KeyPair fromPrivateKeyText(String privateKey) {
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            PrivateKey key = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey.strip())));
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) key;
            PublicKey publicKey = factory.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            return new KeyPair(publicKey, key);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a Base64 PKCS#8 RSA private key", e);
        }
    }

    public static PublicKey publicKey(String text) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(text.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a Base64 X.509 RSA public key", e);
        }
    }

    public static String sign(String content, PrivateKey key) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(content.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean verify(String content, String sign, PublicKey key) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(content.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(sign));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The text the open platform signs: every parameter with a non-empty value, sorted by name,
     * joined as {@code k=v&k=v}, without the names in {@code excluded} (the request signature leaves out
     * {@code sign}; the async notify leaves out {@code sign} and {@code sign_type}).
     */
    public static String signedContent(Map<String, String> parameters, String... excluded) {
        Map<String, String> sorted = new TreeMap<>(parameters);
        for (String name : excluded) {
            sorted.remove(name);
        }
        return sorted.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
    }
}
