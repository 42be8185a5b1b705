package io.vitrine.kernel.id;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.testing.PrivacyTestKeys;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTest {

    private static final Instant NOON = Instant.parse("2025-03-01T04:00:00.123Z");

    @Test
    void ids_are_version_7_rfc_variant_and_carry_the_clock_millisecond() {
        UUID id = new Ids(Clock.fixed(NOON, ZoneOffset.UTC)).next();
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(Ids.instantOf(id)).isEqualTo(NOON);
        assertThat(id.toString().replace("-", "")).startsWith(String.format("%012x", NOON.toEpochMilli()));
    }

    @Test
    void ids_within_one_millisecond_strictly_increase_as_stored_text() {
        Ids ids = new Ids(Clock.fixed(NOON, ZoneOffset.UTC));
        String previous = ids.nextId();
        for (int i = 0; i < 10_000; i++) {
            String next = ids.nextId();
            assertThat(next).isGreaterThan(previous).hasSize(36);
            previous = next;
        }
    }

    @Test
    void ids_keep_increasing_when_the_clock_steps_back() {
        MutableClock clock = new MutableClock(NOON);
        Ids ids = new Ids(clock);
        String before = ids.nextId();
        clock.now = NOON.minusSeconds(5);
        String after = ids.nextId();
        assertThat(after).isGreaterThan(before);
        assertThat(Ids.instantOf(UUID.fromString(after))).isEqualTo(NOON);
    }

    @Test
    void later_milliseconds_give_later_ids() {
        MutableClock clock = new MutableClock(NOON);
        Ids ids = new Ids(clock);
        UUID first = ids.next();
        clock.now = NOON.plusMillis(1);
        UUID second = ids.next();
        assertThat(second.toString()).isGreaterThan(first.toString());
        assertThat(Ids.instantOf(second)).isEqualTo(NOON.plusMillis(1));
    }

    @Test
    void concurrent_callers_get_distinct_ids_each_in_increasing_order() throws Exception {
        Ids ids = new Ids(Clock.fixed(NOON, ZoneOffset.UTC));
        int threads = 8;
        int perThread = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                start.await();
                List<String> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    mine.add(ids.nextId());
                }
                return mine;
            }));
        }
        start.countDown();
        Set<String> all = new HashSet<>();
        for (Future<List<String>> result : results) {
            List<String> mine = result.get();
            assertThat(mine).isSorted();
            all.addAll(mine);
        }
        pool.shutdown();
        assertThat(all).hasSize(threads * perThread);
    }

    @Test
    void the_customs_guid_is_36_upper_case_characters() {
        String guid = Ids.customsGuid();
        assertThat(guid).hasSize(36).matches("[0-9A-F]{8}-[0-9A-F]{4}-7[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}");
        assertThat(UUID.fromString(guid).version()).isEqualTo(7);
    }

    @Test
    void the_bean_uses_the_injected_clock() {
        try (ApplicationContext context = ApplicationContext.builder().properties(PrivacyTestKeys.properties()).build()) {
            context.registerSingleton(Clock.class, Clock.fixed(NOON, ZoneOffset.UTC));
            context.start();
            UUID id = context.getBean(Ids.class).next();
            assertThat(Ids.instantOf(id)).isEqualTo(NOON);
        }
    }

    private static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
