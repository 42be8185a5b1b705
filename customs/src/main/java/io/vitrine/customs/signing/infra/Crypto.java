package io.vitrine.customs.signing.infra;

import io.vitrine.customs.signing.DigestAlgorithm;
import io.vitrine.customs.signing.SignatureAlgorithm;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Signature;
import java.security.interfaces.ECKey;

/**
 * The JCA side of both algorithms. BouncyCastle is used as an instance, never registered globally. SM2
 * signature values travel as the 64-byte r||s the e-port's devices produce, not DER.
 */
final class Crypto {

    static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private Crypto() {
    }

    static MessageDigest digest(DigestAlgorithm algorithm) {
        try {
            return switch (algorithm) {
                case SHA1 -> MessageDigest.getInstance("SHA-1");
                case SM3 -> MessageDigest.getInstance("SM3", BOUNCY_CASTLE);
            };
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Signature signature(SignatureAlgorithm algorithm) throws NoSuchAlgorithmException {
        return switch (algorithm) {
            case RSA_SHA1 -> Signature.getInstance("SHA1withRSA");
            case SM2_SM3 -> Signature.getInstance("SM3withSM2", BOUNCY_CASTLE);
        };
    }

    /** The value written into SignatureValue. */
    static byte[] toSignatureValue(SignatureAlgorithm algorithm, Key key, byte[] jcaSignature) throws GeneralSecurityException {
        if (algorithm != SignatureAlgorithm.SM2_SM3) {
            return jcaSignature;
        }
        BigInteger order = order(key);
        try {
            BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(order, jcaSignature);
            return PlainDSAEncoding.INSTANCE.encode(order, rs[0], rs[1]);
        } catch (IOException e) {
            throw new GeneralSecurityException("unexpected SM2 signature encoding", e);
        }
    }

    /** Back to what the JCA verifies: DER for SM2 (a DER value is accepted as is). */
    static byte[] fromSignatureValue(SignatureAlgorithm algorithm, Key key, byte[] value) throws GeneralSecurityException {
        BigInteger order = algorithm == SignatureAlgorithm.SM2_SM3 ? order(key) : null;
        if (order == null || value.length != 2 * ((order.bitLength() + 7) / 8)) {
            return value;
        }
        try {
            BigInteger[] rs = PlainDSAEncoding.INSTANCE.decode(order, value);
            return StandardDSAEncoding.INSTANCE.encode(order, rs[0], rs[1]);
        } catch (IOException e) {
            throw new GeneralSecurityException("malformed SM2 signature value", e);
        }
    }

    private static BigInteger order(Key key) throws GeneralSecurityException {
        if (key instanceof ECKey ec) {
            return ec.getParams().getOrder();
        }
        throw new GeneralSecurityException("an SM2 signature needs an EC (SM2) key, not " + key.getAlgorithm());
    }
}
