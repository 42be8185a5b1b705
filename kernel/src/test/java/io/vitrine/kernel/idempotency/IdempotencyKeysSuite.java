package io.vitrine.kernel.idempotency;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.testing.MutableClock;
import io.vitrine.kernel.testing.SqlProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The idempotency-key store, run on H2 and on MariaDB. Retention 24h and in-flight lease 2m (the
 * defaults); the clock only moves when a test moves it.
 */
abstract class IdempotencyKeysSuite {

    static final TenantId TENANT_A = TenantId.of("idem-a");
    static final TenantId TENANT_B = TenantId.of("idem-b");
    static final RecordedResponse CREATED = new RecordedResponse(201, "application/json",
            "{\"invitationToken\":\"one-time-secret-7Q2\"}".getBytes(StandardCharsets.UTF_8));

    IdempotencyKeys keys;
    IdempotencySettings settings;
    MutableClock clock;
    SqlProbe rows;

    protected abstract ApplicationContext context();

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        ApplicationContext context = context();
        keys = context.getBean(IdempotencyKeys.class);
        settings = context.getBean(IdempotencySettings.class);
        clock = context.getBean(MutableClock.class);
        rows = new SqlProbe(context.getBean(TransactionOperations.class));
    }

    @Test
    void the_first_claim_of_a_key_is_granted_and_a_repeat_while_it_runs_is_told_to_wait() {
        IdempotencyScope staff = staff(TENANT_A);
        IdempotencyKey key = freshKey();

        Claim first = keys.claim(staff, key, request("POST /api/v1/stores {a}"));
        Claim repeat = keys.claim(staff, key, request("POST /api/v1/stores {a}"));

        assertThat(first).isInstanceOf(Claim.Granted.class);
        assertThat(repeat).isInstanceOfSatisfying(Claim.InFlight.class,
                inFlight -> assertThat(inFlight.retryAfter()).isPositive());
    }

    @Test
    void a_completed_request_is_replayed_byte_for_byte_and_its_body_is_stored_encrypted() {
        IdempotencyScope staff = staff(TENANT_A);
        IdempotencyKey key = freshKey();
        Claim.Granted granted = granted(keys.claim(staff, key, request("POST /api/v1/staff {b}")));

        assertThat(keys.complete(granted, CREATED)).isTrue();
        Claim repeat = keys.claim(staff, key, request("POST /api/v1/staff {b}"));

        assertThat(repeat).isInstanceOfSatisfying(Claim.Replay.class,
                replay -> assertThat(replay.response()).isEqualTo(CREATED));
        String stored = rows.strings("SELECT response_body FROM idempotency_keys WHERE key_hash = ?", granted.keyHash()).get(0);
        assertThat(stored).startsWith("v1:").doesNotContain("one-time-secret")
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(CREATED.body()));
    }

    @Test
    void the_key_and_the_request_are_kept_only_as_keyed_hashes() {
        IdempotencyKey key = freshKey();
        Claim.Granted granted = granted(keys.claim(staff(TENANT_A), key, request("POST /api/v1/invitations/t/accept {pw}")));

        List<String> columns = rows.strings("SELECT CONCAT(key_hash, ' ', request_hash) FROM idempotency_keys WHERE key_hash = ?",
                granted.keyHash());

        assertThat(columns.get(0)).doesNotContain(key.value())
                .doesNotContain(hex(request("POST /api/v1/invitations/t/accept {pw}")));
    }

    @Test
    void another_request_under_the_same_key_is_a_mismatch_while_running_and_after() {
        IdempotencyScope staff = staff(TENANT_A);
        IdempotencyKey key = freshKey();
        Claim.Granted granted = granted(keys.claim(staff, key, request("POST /api/v1/stores {c}")));

        Claim whileRunning = keys.claim(staff, key, request("POST /api/v1/stores {other}"));
        keys.complete(granted, CREATED);
        Claim afterwards = keys.claim(staff, key, request("POST /api/v1/stores {other}"));
        Claim otherTarget = keys.claim(staff, key, request("POST /api/v1/devices {c}"));

        assertThat(List.of(whileRunning, afterwards, otherTarget)).allMatch(Claim.Mismatch.class::isInstance);
    }

    @Test
    void a_released_key_is_granted_again_so_the_client_can_retry() {
        IdempotencyScope staff = staff(TENANT_A);
        IdempotencyKey key = freshKey();
        Claim.Granted failed = granted(keys.claim(staff, key, request("POST /api/v1/parks {d}")));

        assertThat(keys.release(failed)).isTrue();
        Claim retry = keys.claim(staff, key, request("POST /api/v1/parks {d}"));

        assertThat(retry).isInstanceOf(Claim.Granted.class);
        assertThat(rows.count("SELECT COUNT(*) FROM idempotency_keys WHERE key_hash = ?", failed.keyHash())).isEqualTo(1);
    }

    @Test
    void the_same_key_of_another_tenant_or_another_principal_is_another_key() {
        IdempotencyKey key = freshKey();
        byte[] same = request("POST /api/v1/stores {e}");
        Claim.Granted a = granted(keys.claim(staff(TENANT_A), key, same));
        keys.complete(a, CREATED);

        Claim otherTenant = keys.claim(staff(TENANT_B), key, same);
        Claim otherStaff = keys.claim(IdempotencyScope.of(TENANT_A, "staff", "s2"), key, same);
        Claim anonymous = keys.claim(IdempotencyScope.of(null, "address", "203.0.113.7"), key, same);

        assertThat(List.of(otherTenant, otherStaff, anonymous)).allMatch(Claim.Granted.class::isInstance);
        assertThat(keys.claim(staff(TENANT_A), key, same)).isInstanceOf(Claim.Replay.class);
    }

    @Test
    void a_claim_whose_attempt_died_is_taken_over_after_the_lease_and_the_dead_attempt_records_nothing() {
        IdempotencyScope staff = staff(TENANT_A);
        IdempotencyKey key = freshKey();
        Claim.Granted dead = granted(keys.claim(staff, key, request("POST /api/v1/stores {f}")));

        clock.advance(settings.inFlightLease().minusSeconds(1));
        assertThat(keys.claim(staff, key, request("POST /api/v1/stores {f}"))).isInstanceOf(Claim.InFlight.class);
        clock.advance(Duration.ofSeconds(1));
        Claim.Granted retry = granted(keys.claim(staff, key, request("POST /api/v1/stores {f}")));

        assertThat(keys.complete(dead, CREATED)).isFalse();
        assertThat(keys.release(dead)).isFalse();
        assertThat(keys.complete(retry, CREATED)).isTrue();
        assertThat(keys.claim(staff, key, request("POST /api/v1/stores {f}"))).isInstanceOf(Claim.Replay.class);
    }

    @Test
    void an_expired_key_is_forgotten_even_before_the_purge_and_the_purge_deletes_only_expired_keys() {
        IdempotencyScope staff = staff(TENANT_B);
        IdempotencyKey reusedKey = freshKey();
        keys.complete(granted(keys.claim(staff, reusedKey, request("POST /api/v1/stores {g}"))), CREATED);
        Claim.Granted expiring = granted(keys.claim(staff, freshKey(), request("POST /api/v1/stores {h}")));
        keys.complete(expiring, CREATED);
        clock.advance(settings.retention().minusMinutes(1));
        Claim.Granted recent = granted(keys.claim(staff, freshKey(), request("POST /api/v1/stores {i}")));
        clock.advance(Duration.ofMinutes(1));

        Claim reused = keys.claim(staff, reusedKey, request("POST /api/v1/stores {another body}"));
        int purged = keys.purgeExpired();

        assertThat(reused).isInstanceOf(Claim.Granted.class);
        assertThat(purged).isPositive();
        assertThat(rows.count("SELECT COUNT(*) FROM idempotency_keys WHERE key_hash = ?", expiring.keyHash())).isZero();
        assertThat(rows.count("SELECT COUNT(*) FROM idempotency_keys WHERE key_hash IN (?, ?)", recent.keyHash(),
                ((Claim.Granted) reused).keyHash())).isEqualTo(2);
    }

    @Test
    void of_many_concurrent_claims_of_a_new_key_exactly_one_is_granted() throws Exception {
        IdempotencyScope staff = staff(TENANT_A);
        IdempotencyKey key = freshKey();
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Claim>> claims = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                claims.add(pool.submit((Callable<Claim>) () -> {
                    start.await();
                    return keys.claim(staff, key, request("POST /api/v1/stores {race}"));
                }));
            }
            start.countDown();
            List<Claim> outcomes = new ArrayList<>();
            for (Future<Claim> claim : claims) {
                outcomes.add(claim.get());
            }

            assertThat(outcomes).filteredOn(Claim.Granted.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(Claim.InFlight.class::isInstance).hasSize(racers - 1);
        } finally {
            pool.shutdownNow();
        }
    }

    static IdempotencyScope staff(TenantId tenant) {
        return staff(tenant, "s1");
    }

    static IdempotencyScope staff(TenantId tenant, String staffId) {
        return IdempotencyScope.of(tenant, "staff", staffId);
    }

    static IdempotencyKey freshKey() {
        return IdempotencyKey.parse(UUID.randomUUID().toString());
    }

    static Claim.Granted granted(Claim claim) {
        assertThat(claim).isInstanceOf(Claim.Granted.class);
        return (Claim.Granted) claim;
    }

    static byte[] request(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
