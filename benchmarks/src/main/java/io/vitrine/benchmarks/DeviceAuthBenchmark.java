package io.vitrine.benchmarks;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.cache.NonceStore;
import io.vitrine.kernel.cache.infra.InProcessNonceStore;
import io.vitrine.kernel.cache.infra.RedisCommandsProvider;
import io.vitrine.kernel.cache.infra.RedisNonceStore;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.tenants.devices.signing.ReplayProtection;
import io.vitrine.tenants.devices.signing.RequestSignatureVerifier;
import io.vitrine.tenants.devices.signing.SignedRequest;
import io.vitrine.tenants.devices.signing.VerificationResult;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Device request authentication per second (issue #3 "Measure"): full verification of a signed POS
 * order on the in-process and on the Redis nonce store, against the floor of one bare HMAC-SHA256
 * over the same canonical request.
 *
 * <p>Every verified request must carry a nonce never seen before, and a nonce is part of what is
 * signed, so requests cannot be reused: each iteration is a batch of distinct requests signed
 * beforehand (in the untimed iteration set-up), and is timed as a whole ({@code SingleShotTime} with
 * a batch size). Throughput = batch size / batch time. Every result is checked: an iteration in which
 * a single request was not {@code Verified} fails the run.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class DeviceAuthBenchmark {

    /** Batch sizes chosen so one iteration takes about 1-2 s on the reference machine (2 shared cores). */
    static final int FLOOR_BATCH = 1_500_000;
    static final int IN_PROCESS_BATCH = 150_000;
    static final int REDIS_BATCH = 15_000;

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(DeviceFleet.TIMESTAMP), ChinaTime.ZONE);

    @State(Scope.Thread)
    public static class Floor {
        SecretKeySpec key;
        byte[] canonical;

        @Setup(Level.Trial)
        public void prepare() {
            DeviceFleet fleet = new DeviceFleet();
            key = new SecretKeySpec(fleet.secretOfFirstDevice(), "HmacSHA256");
            canonical = fleet.canonicalTextOfOneOrder().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A batch of fresh requests per iteration, and the check that each one was verified. */
    public abstract static class Traffic {
        final DeviceFleet fleet = new DeviceFleet();
        final String runTag = randomTag();
        RequestSignatureVerifier verifier;
        SignedRequest[] requests;
        int next;
        int notVerified;
        private int iteration;

        @Setup(Level.Iteration)
        public void signBatch(IterationParams params) {
            requests = fleet.signedOrders(params.getBatchSize(), runTag + "-" + iteration++);
            next = 0;
            notVerified = 0;
        }

        @TearDown(Level.Iteration)
        public void checkBatch() {
            if (notVerified > 0 || next != requests.length) {
                throw new IllegalStateException(notVerified + " of " + next + " requests were not verified");
            }
        }

        VerificationResult verifyNext() {
            VerificationResult result = verifier.verify(requests[next++], ReplayProtection.STRICT);
            if (!(result instanceof VerificationResult.Verified)) {
                notVerified++;
            }
            return result;
        }
    }

    @State(Scope.Thread)
    public static class InProcessNonces extends Traffic {

        /** A fresh store per iteration, so its size is one batch, not the sum of every iteration. */
        @Setup(Level.Iteration)
        public void newStore() {
            verifier = new RequestSignatureVerifier(fleet, new InProcessNonceStore(), new InProcessNonceStore(), CLOCK,
                    RequestSignatureVerifier.DEFAULT_CLOCK_SKEW);
        }
    }

    @State(Scope.Thread)
    public static class RedisNonces extends Traffic {
        private ApplicationContext context;
        private String keyPrefix;

        @Setup(Level.Trial)
        public void connect() {
            keyPrefix = "vitrine-bench-" + runTag;
            Map<String, Object> settings = new HashMap<>();
            settings.put("vitrine.cache.backend", "redis");
            settings.put("redis.uri", redisUri());
            settings.put("vitrine.redis.key-prefix", keyPrefix);
            // the kernel's personal-data key ring must exist for a context to start; unused here
            settings.put("vitrine.privacy.keys.bench", randomKey());
            settings.put("vitrine.privacy.current-key", "bench");
            settings.put("vitrine.privacy.blind-index-key", randomKey());
            context = ApplicationContext.run(settings);
            NonceStore redis = context.getBean(NonceStore.class);
            if (!(redis instanceof RedisNonceStore)) {
                throw new IllegalStateException("expected the Redis nonce store, got " + redis.getClass());
            }
            verifier = new RequestSignatureVerifier(fleet, redis, new InProcessNonceStore(), CLOCK,
                    RequestSignatureVerifier.DEFAULT_CLOCK_SKEW);
        }

        @TearDown(Level.Trial)
        public void removeKeysAndDisconnect() {
            try {
                deleteByPrefix(context.getBean(RedisCommandsProvider.class).commands(), keyPrefix);
            } finally {
                context.close();
            }
        }
    }

    @Benchmark
    @Warmup(iterations = 3, batchSize = FLOOR_BATCH)
    @Measurement(iterations = 5, batchSize = FLOOR_BATCH)
    public byte[] bareHmac(Floor floor) throws GeneralSecurityException {
        // what the verifier itself does per request: a Mac for the device's key, over the canonical text
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(floor.key);
        return mac.doFinal(floor.canonical);
    }

    @Benchmark
    @Warmup(iterations = 3, batchSize = IN_PROCESS_BATCH)
    @Measurement(iterations = 5, batchSize = IN_PROCESS_BATCH)
    public VerificationResult verifyWithInProcessNonces(InProcessNonces traffic) {
        return traffic.verifyNext();
    }

    @Benchmark
    @Warmup(iterations = 3, batchSize = REDIS_BATCH)
    @Measurement(iterations = 5, batchSize = REDIS_BATCH)
    public VerificationResult verifyWithRedisNonces(RedisNonces traffic) {
        return traffic.verifyNext();
    }

    static String redisUri() {
        String uri = System.getenv("VITRINE_BENCH_REDIS_URI");
        return uri == null || uri.isBlank() ? "redis://127.0.0.1:6379" : uri;
    }

    private static String randomTag() {
        byte[] bytes = new byte[6];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).replace('_', 'a').replace('-', 'b');
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static void deleteByPrefix(RedisClusterCommands<String, byte[]> redis, String prefix) {
        ScanArgs match = ScanArgs.Builder.matches(prefix + ":*").limit(1000);
        KeyScanCursor<String> cursor = redis.scan(match);
        while (true) {
            List<String> keys = new ArrayList<>(cursor.getKeys());
            if (!keys.isEmpty()) {
                // a standalone server takes many keys per UNLINK (a cluster would not; the benchmark uses one server)
                redis.unlink(keys.toArray(String[]::new));
            }
            if (cursor.isFinished()) {
                return;
            }
            cursor = redis.scan(cursor, match);
        }
    }
}
