package io.vitrine.tenants.devices.signing;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.cache.NonceStore;
import io.vitrine.kernel.cache.infra.InProcessNonceStore;
import io.vitrine.kernel.cache.infra.RedisCommandsProvider;
import io.vitrine.kernel.cache.infra.RedisNonceStore;
import io.vitrine.kernel.testing.PrivateRedisServer;
import io.vitrine.kernel.testing.PrivacyTestKeys;
import io.vitrine.kernel.testing.TestServices;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.tenants.devices.signing.DeviceCredential.Status;
import io.vitrine.tenants.devices.signing.VerificationResult.Rejected;
import io.vitrine.tenants.devices.signing.VerificationResult.RejectionReason;
import io.vitrine.tenants.devices.signing.VerificationResult.Unavailable;
import io.vitrine.tenants.devices.signing.VerificationResult.Verified;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import static io.vitrine.tenants.devices.signing.SigningVectors.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verifier on the kernel's Redis nonce store: shared by instances, and the api.md fallback
 * policy when it goes away (a private redis-server, killed mid-test).
 */
class RedisNonceSigningTest {

    private static final String POS = "pos-s001-1";
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(TIMESTAMP), ChinaTime.ZONE);

    private final InMemoryDeviceSecrets secrets = new InMemoryDeviceSecrets().add(POS, "retailer-a", Status.ACTIVE, SECRET);

    private static ApplicationContext redisContext(String uri, String keyPrefix) {
        return ApplicationContext.run(PrivacyTestKeys.with(Map.of(
                "vitrine.cache.backend", "redis",
                "redis.uri", uri,
                "vitrine.redis.key-prefix", keyPrefix,
                "vitrine.redis.command-timeout", "1s")));
    }

    private RequestSignatureVerifier instance(NonceStore shared) {
        return new RequestSignatureVerifier(secrets, shared, new InProcessNonceStore(), CLOCK,
                RequestSignatureVerifier.DEFAULT_CLOCK_SKEW);
    }

    private static SignedRequest signed(String method, String target, String nonce) {
        return RequestSigner.sign(POS, secret(), method, target, null, TIMESTAMP, nonce).toRequest(method, target, null);
    }

    @Test
    void instances_sharing_redis_refuse_a_replay_sent_to_the_other_one() {
        String prefix = TestServices.redisKeyPrefix() + "-signing";
        try (ApplicationContext context = redisContext(TestServices.redisUri(), prefix)) {
            NonceStore redis = context.getBean(NonceStore.class);
            assertThat(redis).isInstanceOf(RedisNonceStore.class);
            RedisClusterCommands<String, byte[]> commands = context.getBean(RedisCommandsProvider.class).commands();
            try {
                RequestSignatureVerifier first = instance(redis);
                RequestSignatureVerifier second = instance(redis);
                SignedRequest order = new SignedRequest("POST", ORDER_TARGET, POS, Long.toString(TIMESTAMP), ORDER_NONCE,
                        ORDER_SIGNATURE, ORDER_BODY);

                assertThat(first.verify(order, ReplayProtection.STRICT)).isInstanceOf(Verified.class);
                assertThat(second.verify(order, ReplayProtection.STRICT))
                        .isEqualTo(new Rejected(RejectionReason.REPLAYED_NONCE, CLOCK.instant()));

                // kept under the device's tenant, for twice the clock skew
                String key = prefix + ":retailer-a:device-nonce:{" + POS + "}:nonce:" + ORDER_NONCE;
                assertThat(commands.exists(key)).isEqualTo(1L);
                assertThat(commands.pttl(key)).isBetween(1L, 600_000L);
            } finally {
                deleteAll(commands, prefix);
            }
        }
    }

    @Test
    void without_redis_strict_requests_are_unavailable_and_read_only_ones_use_this_instance_s_nonces()
            throws Exception {
        try (PrivateRedisServer server = PrivateRedisServer.start();
             ApplicationContext context = redisContext(server.uri(), "outage")) {
            RequestSignatureVerifier verifier = instance(context.getBean(NonceStore.class));
            assertThat(verifier.verify(signed("POST", ORDER_TARGET, "before-outage"), ReplayProtection.STRICT))
                    .isInstanceOf(Verified.class);

            server.kill();

            VerificationResult order = verifier.verify(signed("POST", ORDER_TARGET, "order-nonce-1"), ReplayProtection.STRICT);
            assertThat(order).isInstanceOf(Unavailable.class);
            assertThat(((Unavailable) order).credential().deviceKey()).isEqualTo(POS);

            SignedRequest feed = signed("GET", "/pos/v1/feed?since=42", "feed-nonce-1");
            assertThat(verifier.verify(feed, ReplayProtection.FALLBACK_ALLOWED)).isInstanceOf(Verified.class);
            assertThat(verifier.verify(feed, ReplayProtection.FALLBACK_ALLOWED))
                    .isEqualTo(new Rejected(RejectionReason.REPLAYED_NONCE, CLOCK.instant()));

            // a forged request is still a bad signature, not a 503: the store is asked last
            SignedRequest forged = new SignedRequest("POST", ORDER_TARGET, POS, Long.toString(TIMESTAMP), "order-nonce-2",
                    ORDER_SIGNATURE, null);
            assertThat(verifier.verify(forged, ReplayProtection.STRICT))
                    .isEqualTo(new Rejected(RejectionReason.BAD_SIGNATURE, CLOCK.instant()));
        }
    }

    private static void deleteAll(RedisClusterCommands<String, byte[]> redis, String prefix) {
        ScanArgs match = ScanArgs.Builder.matches(prefix + ":*").limit(500);
        KeyScanCursor<String> cursor = redis.scan(match);
        while (true) {
            cursor.getKeys().forEach(redis::del);
            if (cursor.isFinished()) {
                return;
            }
            cursor = redis.scan(cursor, match);
        }
    }
}
