package io.vitrine.benchmarks;

import io.vitrine.customs.signing.DigestAlgorithm;
import io.vitrine.customs.signing.MessageSigner;
import io.vitrine.customs.signing.SignatureAlgorithm;
import io.vitrine.customs.signing.SignatureVerifier;
import io.vitrine.customs.signing.TestKeys;
import io.vitrine.customs.signing.infra.SigningKey;
import io.vitrine.customs.signing.infra.XmlDsigMessageSigner;
import io.vitrine.customs.signing.infra.XmlDsigSignatureVerifier;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Signature;
import java.util.concurrent.TimeUnit;

/**
 * CEB messages signed per second per algorithm (issue #6 "Measure"): the enveloped XML-DSig of a typical
 * CEB311 (parse, digest of the canonical document, canonical SignedInfo, signature, serialise) with the
 * SHA-1 and the SM3 digest, and its verification, against the floor of the bare JCA signature over a
 * SignedInfo-sized input with the same key. Each iteration is a batch of operations timed as a whole
 * ({@code SingleShotTime}); every signed message of the sign benchmarks is checked in the set-up.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class CustomsSigningBenchmark {

    /**
     * Batch sizes chosen so one iteration takes one to two seconds on two busy shared cores (a first
     * trial with 5x larger batches measured about 13 ms per RSA sign and 7 ms per SM2 sign at load 13).
     */
    static final int RSA_BATCH = 100;
    static final int RSA_VERIFY_BATCH = 200;
    static final int SM2_BATCH = 200;

    static final Provider BC = new BouncyCastleProvider();
    static final int LIMIT = 8 << 20;

    /** The one message of the run, and what SignedInfo costs to sign on its own. */
    public abstract static class Keyed {
        SigningKey key;
        MessageSigner sha1Signer;
        MessageSigner sm3Signer;
        SignatureVerifier verifier;
        byte[] signed;
        byte[] signedInfo;

        abstract SignatureAlgorithm algorithm();

        @Setup(Level.Trial)
        public void prepare() throws Exception {
            key = TestKeys.generate(algorithm());
            sha1Signer = new XmlDsigMessageSigner(key, algorithm(), DigestAlgorithm.SHA1, LIMIT);
            sm3Signer = new XmlDsigMessageSigner(key, algorithm(), DigestAlgorithm.SM3, LIMIT);
            verifier = new XmlDsigSignatureVerifier(LIMIT);
            signed = sha1Signer.sign(CustomsMessages.order());
            verifier.verify(sm3Signer.sign(CustomsMessages.order()));
            // the canonical SignedInfo of one signed message is ~700 bytes; the floor signs that many
            String text = new String(signed, StandardCharsets.UTF_8);
            signedInfo = text.substring(text.indexOf("<ds:SignedInfo"), text.indexOf("</ds:SignedInfo>") + 16).getBytes(StandardCharsets.UTF_8);
        }

        byte[] bareSignature() throws GeneralSecurityException {
            Signature signature = algorithm() == SignatureAlgorithm.SM2_SM3
                    ? Signature.getInstance("SM3withSM2", BC) : Signature.getInstance("SHA1withRSA");
            signature.initSign(key.privateKey());
            signature.update(signedInfo);
            return signature.sign();
        }
    }

    @State(Scope.Thread)
    public static class Rsa extends Keyed {
        @Override
        SignatureAlgorithm algorithm() {
            return SignatureAlgorithm.RSA_SHA1;
        }
    }

    @State(Scope.Thread)
    public static class Sm2 extends Keyed {
        @Override
        SignatureAlgorithm algorithm() {
            return SignatureAlgorithm.SM2_SM3;
        }
    }

    @Benchmark
    @Measurement(batchSize = RSA_BATCH)
    @Warmup(batchSize = RSA_BATCH)
    public byte[] rsaBareSignature(Rsa rsa) throws GeneralSecurityException {
        return rsa.bareSignature();
    }

    @Benchmark
    @Measurement(batchSize = RSA_BATCH)
    @Warmup(batchSize = RSA_BATCH)
    public byte[] rsaSignSha1Digest(Rsa rsa) {
        return rsa.sha1Signer.sign(CustomsMessages.ORDER);
    }

    @Benchmark
    @Measurement(batchSize = RSA_BATCH)
    @Warmup(batchSize = RSA_BATCH)
    public byte[] rsaSignSm3Digest(Rsa rsa) {
        return rsa.sm3Signer.sign(CustomsMessages.ORDER);
    }

    @Benchmark
    @Measurement(batchSize = RSA_VERIFY_BATCH)
    @Warmup(batchSize = RSA_VERIFY_BATCH)
    public Object rsaVerify(Rsa rsa) {
        return rsa.verifier.verify(rsa.signed);
    }

    @Benchmark
    @Measurement(batchSize = SM2_BATCH)
    @Warmup(batchSize = SM2_BATCH)
    public byte[] sm2BareSignature(Sm2 sm2) throws GeneralSecurityException {
        return sm2.bareSignature();
    }

    @Benchmark
    @Measurement(batchSize = SM2_BATCH)
    @Warmup(batchSize = SM2_BATCH)
    public byte[] sm2SignSha1Digest(Sm2 sm2) {
        return sm2.sha1Signer.sign(CustomsMessages.ORDER);
    }

    @Benchmark
    @Measurement(batchSize = SM2_BATCH)
    @Warmup(batchSize = SM2_BATCH)
    public byte[] sm2SignSm3Digest(Sm2 sm2) {
        return sm2.sm3Signer.sign(CustomsMessages.ORDER);
    }

    @Benchmark
    @Measurement(batchSize = SM2_BATCH)
    @Warmup(batchSize = SM2_BATCH)
    public Object sm2Verify(Sm2 sm2) {
        return sm2.verifier.verify(sm2.signed);
    }
}
