package io.vitrine.kernel.cache;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.tenancy.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The behaviour every adapter of the cache, lock, rate-limit, nonce and counter ports must have.
 * Subclasses boot an application context configured for one backend; the ports come from it, so
 * the configuration-driven selection is exercised too. Expiry is awaited with a bounded poll,
 * never asserted against a stopwatch.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CacheContractTest {

    private static final Duration LONG = Duration.ofMinutes(5);
    private static final Duration SHORT = Duration.ofMillis(300);
    /** Upper bound for anything that should expire within SHORT; generous for a loaded 2-core box. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    protected ApplicationContext context;
    protected KeyValueCache cache;
    protected DistributedLocks locks;
    protected RateLimiter limiter;
    protected NonceStore nonces;
    protected Counters counters;

    private final TenantId tenantA = TenantId.of("ta-" + UUID.randomUUID().toString().substring(0, 8));
    private final TenantId tenantB = TenantId.of("tb-" + UUID.randomUUID().toString().substring(0, 8));

    /** Starts a context whose {@code vitrine.cache.backend} selects the adapters under test (use {@link #run}). */
    protected abstract ApplicationContext startContext();

    /**
     * A kernel application context with these settings plus the throwaway personal-data keys every
     * kernel context needs (PersonalDataKeys refuses to start without keys).
     */
    public static ApplicationContext run(Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(settings);
        all.put("vitrine.privacy.keys.cachetest", randomKey());
        all.put("vitrine.privacy.current-key", "cachetest");
        all.put("vitrine.privacy.blind-index-key", randomKey());
        return ApplicationContext.run(all);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @BeforeAll
    void startBackend() {
        context = startContext();
        cache = context.getBean(KeyValueCache.class);
        locks = context.getBean(DistributedLocks.class);
        limiter = context.getBean(RateLimiter.class);
        nonces = context.getBean(NonceStore.class);
        counters = context.getBean(Counters.class);
    }

    @AfterAll
    void stopBackend() {
        if (context != null) {
            context.close();
        }
    }

    // ---- key/value cache

    @Test
    void a_cached_value_is_read_back_until_evicted() {
        ScopedKey key = fresh("products");
        assertThat(cache.get(key)).isEmpty();

        cache.putString(key, "奶粉 900g", LONG);
        assertThat(cache.getString(key)).contains("奶粉 900g");

        cache.put(key, new byte[] {0, (byte) 0xff, 42}, LONG);
        assertThat(cache.get(key)).hasValueSatisfying(value -> assertThat(value).containsExactly(0, 0xff, 42));

        assertThat(cache.evict(key)).isTrue();
        assertThat(cache.get(key)).isEmpty();
        assertThat(cache.evict(key)).isFalse();
    }

    @Test
    void an_entry_expires_after_its_ttl_while_a_longer_lived_one_stays() {
        ScopedKey shortLived = fresh("sessions");
        ScopedKey longLived = fresh("sessions");
        cache.putString(longLived, "stays", LONG);
        cache.putString(shortLived, "goes", SHORT);

        awaitUntil("the short-lived entry expires", () -> cache.get(shortLived).isEmpty());
        assertThat(cache.getString(longLived)).contains("stays");
    }

    @Test
    void put_if_absent_keeps_the_first_value() {
        ScopedKey key = fresh("idempotency");
        assertThat(cache.putStringIfAbsent(key, "first", LONG)).isTrue();
        assertThat(cache.putStringIfAbsent(key, "second", LONG)).isFalse();
        assertThat(cache.getString(key)).contains("first");
    }

    @Test
    void put_if_absent_succeeds_again_once_the_first_value_expired() {
        ScopedKey key = fresh("idempotency");
        assertThat(cache.putStringIfAbsent(key, "first", SHORT)).isTrue();
        awaitUntil("the first value expires and a new one is stored", () -> cache.putStringIfAbsent(key, "next", LONG));
        assertThat(cache.getString(key)).contains("next");
    }

    @Test
    void replace_stores_only_over_the_expected_value() {
        ScopedKey key = fresh("carts");
        assertThat(cache.replace(key, bytes("v1"), bytes("v2"), LONG)).as("nothing to replace").isFalse();
        assertThat(cache.get(key)).isEmpty();

        cache.putString(key, "v1", LONG);
        assertThat(cache.replace(key, bytes("v0"), bytes("v2"), LONG)).as("not the value held").isFalse();
        assertThat(cache.getString(key)).contains("v1");
        assertThat(cache.replace(key, bytes("v1"), bytes("v2"), LONG)).isTrue();
        assertThat(cache.getString(key)).contains("v2");
        assertThat(cache.replace(key, bytes("v1"), bytes("v3"), LONG)).as("a stale expectation").isFalse();
        assertThat(cache.getString(key)).contains("v2");
    }

    @Test
    void replace_sets_the_new_ttl_and_never_revives_an_expired_entry() {
        ScopedKey renewed = fresh("carts");
        cache.putString(renewed, "v1", SHORT);
        assertThat(cache.replace(renewed, bytes("v1"), bytes("v2"), LONG)).isTrue();

        ScopedKey expiring = fresh("carts");
        cache.putString(expiring, "v1", LONG);
        assertThat(cache.replace(expiring, bytes("v1"), bytes("v2"), SHORT)).isTrue();
        awaitUntil("the entry replaced with a short TTL expires", () -> cache.get(expiring).isEmpty());
        assertThat(cache.replace(expiring, bytes("v2"), bytes("v3"), LONG)).as("an expired entry").isFalse();
        assertThat(cache.get(expiring)).isEmpty();
        assertThat(cache.getString(renewed)).as("outlived its first, short TTL").contains("v2");
    }

    @Test
    void of_many_concurrent_replacements_of_one_value_exactly_one_wins() throws Exception {
        ScopedKey key = fresh("carts");
        cache.putString(key, "v0", LONG);
        List<Boolean> won = concurrently(8, 1, () -> cache.replace(key, bytes("v0"),
                bytes("v-" + Thread.currentThread().getId()), LONG));
        assertThat(won).filteredOn(Boolean::booleanValue).hasSize(1);
        assertThat(cache.getString(key)).hasValueSatisfying(value -> assertThat(value).startsWith("v-"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    // ---- locks

    @Test
    void a_held_lock_refuses_a_second_holder_until_released() {
        ScopedKey key = fresh("order-lock");
        Optional<LockLease> first = locks.tryAcquire(key, LONG);
        assertThat(first).isPresent();

        assertThat(locks.tryAcquire(key, LONG)).isEmpty();

        assertThat(locks.release(first.get())).isTrue();
        Optional<LockLease> second = locks.tryAcquire(key, LONG);
        assertThat(second).isPresent();
        assertThat(second.get().fencingToken()).isGreaterThan(first.get().fencingToken());
        assertThat(locks.release(first.get())).as("a spent lease releases nothing").isFalse();
        assertThat(locks.tryAcquire(key, LONG)).isEmpty();
    }

    @Test
    void only_one_of_many_concurrent_contenders_gets_the_lock() throws Exception {
        ScopedKey key = fresh("stock-lock");
        List<Optional<LockLease>> results = concurrently(8, 1, () -> locks.tryAcquire(key, LONG));
        assertThat(results).filteredOn(Optional::isPresent).hasSize(1);
    }

    @Test
    void a_lease_that_runs_out_lets_another_holder_take_the_lock() {
        ScopedKey key = fresh("job-lock");
        LockLease dead = locks.tryAcquire(key, SHORT).orElseThrow();

        LockLease[] next = {null};
        awaitUntil("the lease of a holder that never released runs out",
                () -> (next[0] = locks.tryAcquire(key, LONG).orElse(null)) != null);

        assertThat(next[0].fencingToken()).isGreaterThan(dead.fencingToken());
        assertThat(locks.release(dead)).as("the expired holder no longer owns the lock").isFalse();
        assertThat(locks.extend(dead, LONG)).isFalse();
        assertThat(locks.tryAcquire(key, LONG)).as("the new holder still holds it").isEmpty();
    }

    @Test
    void a_lock_is_not_released_or_extended_by_someone_who_does_not_own_it() {
        ScopedKey key = fresh("refund-lock");
        LockLease owner = locks.tryAcquire(key, LONG).orElseThrow();
        LockLease impostor = new LockLease(key, UUID.randomUUID().toString(), owner.fencingToken());

        assertThat(locks.release(impostor)).isFalse();
        assertThat(locks.extend(impostor, LONG)).isFalse();
        assertThat(locks.tryAcquire(key, LONG)).as("still held by its owner").isEmpty();

        assertThat(locks.release(owner)).isTrue();
        assertThat(locks.tryAcquire(key, LONG)).isPresent();
    }

    @Test
    void an_extended_lease_outlives_its_first_duration() throws InterruptedException {
        ScopedKey key = fresh("import-lock");
        Duration firstLease = Duration.ofSeconds(2);
        LockLease lease = locks.tryAcquire(key, firstLease).orElseThrow();
        assertThat(locks.extend(lease, LONG)).isTrue();

        // waiting past the first lease, not timing anything: the lock must still be held after it
        Thread.sleep(firstLease.plusMillis(700).toMillis());

        assertThat(locks.tryAcquire(key, LONG)).isEmpty();
        assertThat(locks.release(lease)).isTrue();
    }

    // ---- rate limiter

    @Test
    void the_limiter_allows_exactly_n_in_a_window_then_denies_with_a_retry_after() {
        ScopedKey key = fresh("order-lookup");
        RateLimit limit = RateLimit.of(5, Duration.ofMinutes(1));

        List<RateDecision> decisions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            decisions.add(limiter.tryAcquire(key, limit));
        }
        assertThat(decisions).allMatch(RateDecision::allowed);
        assertThat(decisions).extracting(RateDecision::remaining).containsExactly(4, 3, 2, 1, 0);

        RateDecision denied = limiter.tryAcquire(key, limit);
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.retryAfter()).isPositive().isLessThanOrEqualTo(limit.window());
        assertThat(denied.retryAfterSeconds()).isBetween(1L, 60L);
        assertThat(limiter.tryAcquire(key, limit).allowed()).as("a denied attempt is not counted, but still denied").isFalse();

        assertThat(limiter.tryAcquire(fresh("order-lookup"), limit).allowed()).as("another key has its own window").isTrue();
    }

    @Test
    void the_asynchronous_check_counts_and_decides_as_the_synchronous_one() {
        ScopedKey key = fresh("storefront-search");
        RateLimit limit = RateLimit.of(3, Duration.ofMinutes(1));

        RateDecision first = limiter.tryAcquireAsync(key, limit).join();
        RateDecision second = limiter.tryAcquire(key, limit);
        RateDecision third = limiter.tryAcquireAsync(key, limit).join();
        assertThat(List.of(first, second, third)).allMatch(RateDecision::allowed);
        assertThat(List.of(first, second, third)).extracting(RateDecision::remaining).containsExactly(2, 1, 0);

        RateDecision denied = limiter.tryAcquireAsync(key, limit).join();
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.retryAfter()).isPositive().isLessThanOrEqualTo(limit.window());
        assertThat(limiter.tryAcquire(key, limit).allowed()).as("the asynchronous denial was not counted either").isFalse();
    }

    @Test
    void the_limiter_allows_again_once_the_oldest_attempt_leaves_the_window() {
        ScopedKey key = fresh("login");
        RateLimit limit = RateLimit.of(2, Duration.ofMillis(400));
        assertThat(limiter.tryAcquire(key, limit).allowed()).isTrue();
        assertThat(limiter.tryAcquire(key, limit).allowed()).isTrue();

        awaitUntil("the window slides past the first attempts", () -> limiter.tryAcquire(key, limit).allowed());
    }

    @Test
    void concurrent_attempts_never_exceed_the_limit() throws Exception {
        ScopedKey key = fresh("device-ingest");
        RateLimit limit = RateLimit.of(25, Duration.ofMinutes(1));
        List<Boolean> allowed = concurrently(8, 10, () -> limiter.tryAcquire(key, limit).allowed());
        assertThat(allowed).filteredOn(Boolean::booleanValue).hasSize(25);
    }

    // ---- nonces

    @Test
    void a_replayed_nonce_is_refused_within_its_window() {
        ScopedKey device = fresh("device-nonce");
        Duration window = Duration.ofMinutes(10);
        assertThat(nonces.firstSeen(device, "n-1", window)).isTrue();
        assertThat(nonces.firstSeen(device, "n-1", window)).isFalse();
        assertThat(nonces.firstSeen(device, "n-2", window)).isTrue();
        assertThat(nonces.firstSeen(fresh("device-nonce"), "n-1", window)).as("another device's nonces are its own").isTrue();
    }

    @Test
    void a_nonce_is_accepted_again_after_its_window() {
        ScopedKey device = fresh("device-nonce");
        assertThat(nonces.firstSeen(device, "{odd}:nonce", SHORT)).isTrue();
        awaitUntil("the nonce window passes", () -> nonces.firstSeen(device, "{odd}:nonce", SHORT));
    }

    @Test
    void a_nonce_presented_by_many_threads_at_once_is_first_seen_once() throws Exception {
        ScopedKey device = fresh("device-nonce");
        List<Boolean> first = concurrently(8, 1, () -> nonces.firstSeen(device, "race", LONG));
        assertThat(first).filteredOn(Boolean::booleanValue).hasSize(1);
    }

    // ---- counters

    @Test
    void concurrent_increments_from_several_threads_sum_exactly() throws Exception {
        ScopedKey key = fresh("sold-today");
        List<Long> returned = concurrently(8, 250, () -> counters.increment(key, 2));
        assertThat(returned).as("every increment saw its own new value").hasSize(2000).doesNotHaveDuplicates();
        assertThat(counters.get(key)).isEqualTo(4000);
        assertThat(counters.increment(key, -4000)).isZero();
    }

    @Test
    void a_counter_with_a_ttl_expires_and_restarts_from_zero() {
        ScopedKey key = fresh("attempts");
        assertThat(counters.get(key)).isZero();
        assertThat(counters.increment(key, 3, Duration.ofMillis(1500))).isEqualTo(3);
        assertThat(counters.increment(key, 4, LONG)).as("the TTL of an existing counter stays").isEqualTo(7);

        awaitUntil("the counter expires with the TTL it was created with", () -> counters.get(key) == 0);
        assertThat(counters.increment(key, 1, LONG)).isEqualTo(1);
    }

    // ---- tenancy

    @Test
    void the_same_key_of_two_tenants_and_the_platform_are_separate() {
        String namespace = "isolation";
        String k = "same-" + UUID.randomUUID();
        ScopedKey a = ScopedKey.of(tenantA, namespace, k);
        ScopedKey b = ScopedKey.of(tenantB, namespace, k);
        ScopedKey platform = ScopedKey.platform(namespace, k);

        cache.putString(a, "A", LONG);
        assertThat(cache.get(b)).isEmpty();
        assertThat(cache.get(platform)).isEmpty();
        cache.putString(b, "B", LONG);
        assertThat(cache.getString(a)).contains("A");

        assertThat(counters.increment(a, 5)).isEqualTo(5);
        assertThat(counters.increment(b, 1)).isEqualTo(1);
        assertThat(counters.get(platform)).isZero();

        assertThat(locks.tryAcquire(a, LONG)).isPresent();
        assertThat(locks.tryAcquire(b, LONG)).isPresent();
        assertThat(locks.tryAcquire(platform, LONG)).isPresent();

        RateLimit once = RateLimit.of(1, LONG);
        assertThat(limiter.tryAcquire(a, once).allowed()).isTrue();
        assertThat(limiter.tryAcquire(b, once).allowed()).isTrue();
        assertThat(limiter.tryAcquire(a, once).allowed()).isFalse();

        assertThat(nonces.firstSeen(a, "n", LONG)).isTrue();
        assertThat(nonces.firstSeen(b, "n", LONG)).isTrue();
        assertThat(nonces.firstSeen(platform, "n", LONG)).isTrue();
        assertThat(nonces.firstSeen(a, "n", LONG)).isFalse();
    }

    // ---- support

    /** A key no other test uses, in tenant A. */
    protected ScopedKey fresh(String namespace) {
        return ScopedKey.of(tenantA, namespace, "k-" + UUID.randomUUID());
    }

    private static void awaitUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("gave up waiting " + PATIENCE.toSeconds() + " s until " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting until " + what);
            }
        }
    }

    /** Runs {@code task} {@code times} times on each of {@code threads} threads released together. */
    private static <T> List<T> concurrently(int threads, int times, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<T>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    List<T> results = new ArrayList<>();
                    for (int i = 0; i < times; i++) {
                        results.add(task.call());
                    }
                    return results;
                }));
            }
            start.countDown();
            List<T> all = new ArrayList<>();
            for (Future<List<T>> future : futures) {
                all.addAll(future.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
