package io.vitrine.customs.signing.infra;

import io.vitrine.customs.signing.SigningFailedException;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;

/**
 * Loads the signing key from a PKCS#12 file or from PEM files (PKCS#8, encrypted PKCS#8, traditional
 * RSA/EC keys; the certificate as a PEM CERTIFICATE). BouncyCastle reads both, so SM2 keys and
 * certificates signed with SM3withSM2 load as well as RSA ones. Error messages name the file, never a
 * password.
 */
public final class SigningKeys {

    private SigningKeys() {
    }

    /** @param alias the entry to use; null: the only key entry in the file */
    public static SigningKey fromPkcs12(Path file, char[] password, String alias) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12", Crypto.BOUNCY_CASTLE);
            store.load(in, password);
            String entry = alias != null ? alias : onlyKeyEntry(store, file);
            Key key = store.getKey(entry, password);
            Certificate certificate = store.getCertificate(entry);
            if (!(key instanceof PrivateKey privateKey) || !(certificate instanceof X509Certificate x509)) {
                throw new SigningFailedException(file + " has no private key with a certificate under alias " + entry);
            }
            return new SigningKey(privateKey, x509);
        } catch (IOException | GeneralSecurityException e) {
            throw new SigningFailedException("cannot read the PKCS#12 key store " + file + ": " + e.getMessage(), e);
        }
    }

    /** @param password for an encrypted key; null when the key is not encrypted */
    public static SigningKey fromPem(Path privateKeyFile, Path certificateFile, char[] password) {
        return new SigningKey(privateKey(privateKeyFile, password), certificate(certificateFile));
    }

    private static PrivateKey privateKey(Path file, char[] password) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(Crypto.BOUNCY_CASTLE);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            Object pem = parser.readObject();
            if (pem instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                pem = encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                        .setProvider(Crypto.BOUNCY_CASTLE).build(required(password, file)));
            } else if (pem instanceof PEMEncryptedKeyPair encrypted) {
                pem = encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder()
                        .setProvider(Crypto.BOUNCY_CASTLE).build(required(password, file)));
            }
            if (pem instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            if (pem instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            throw new SigningFailedException(file + " holds no private key");
        } catch (IOException | OperatorCreationException | PKCSException e) {
            throw new SigningFailedException("cannot read the private key " + file + ": " + e.getMessage(), e);
        }
    }

    private static X509Certificate certificate(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            if (parser.readObject() instanceof X509CertificateHolder holder) {
                return new JcaX509CertificateConverter().setProvider(Crypto.BOUNCY_CASTLE).getCertificate(holder);
            }
            throw new SigningFailedException(file + " holds no certificate");
        } catch (IOException | GeneralSecurityException e) {
            throw new SigningFailedException("cannot read the certificate " + file + ": " + e.getMessage(), e);
        }
    }

    private static String onlyKeyEntry(KeyStore store, Path file) throws GeneralSecurityException {
        String found = null;
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                if (found != null) {
                    throw new SigningFailedException(file + " holds several keys: configure the alias");
                }
                found = alias;
            }
        }
        if (found == null) {
            throw new SigningFailedException(file + " holds no private key");
        }
        return found;
    }

    private static char[] required(char[] password, Path file) {
        if (password == null) {
            throw new SigningFailedException(file + " is encrypted: configure its password");
        }
        return password;
    }
}
