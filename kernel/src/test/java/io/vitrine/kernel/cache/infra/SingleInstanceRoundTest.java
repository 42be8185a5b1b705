package io.vitrine.kernel.cache.infra;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.cache.CacheContractTest;
import io.vitrine.kernel.cache.DistributedLocks;
import io.vitrine.kernel.cache.ScopedKey;
import io.vitrine.kernel.cache.SingleInstanceRound;
import io.vitrine.kernel.testing.PrivateRedisServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled jobs' "one instance runs each round": two instances (two rounds on one lock store) — the first runs
 * and keeps the lock, the second skips; a lost lock store runs the round anyway rather than on no instance.
 */
class SingleInstanceRoundTest {

    private static final ScopedKey LOCK = ScopedKey.platform("single-instance-round-test", "round");

    @Test
    void the_first_instance_runs_the_round_and_keeps_the_lock_for_most_of_the_interval() {
        try (ApplicationContext context = CacheContractTest.run(Map.of())) {
            DistributedLocks locks = context.getBean(DistributedLocks.class);
            SingleInstanceRound one = SingleInstanceRound.every(Duration.ofMinutes(10), locks, LOCK, "test");
            SingleInstanceRound another = SingleInstanceRound.every(Duration.ofMinutes(10), locks, LOCK, "test");
            AtomicInteger ran = new AtomicInteger();

            assertThat(one.run(ran::incrementAndGet)).contains(1);
            assertThat(another.run(ran::incrementAndGet)).as("the lock is the first's").isEmpty();
            assertThat(one.run(ran::incrementAndGet)).as("kept, not released: a repeat waits too").isEmpty();
            assertThat(ran).hasValue(1);
            assertThat(locks.tryAcquire(LOCK, Duration.ofSeconds(1))).as("still held").isEmpty();
        }
    }

    @Test
    void a_lost_lock_store_runs_the_round_anyway() throws Exception {
        try (PrivateRedisServer server = PrivateRedisServer.start();
             ApplicationContext context = CacheContractTest.run(Map.of(
                     "vitrine.cache.backend", "redis",
                     "redis.uri", server.uri(),
                     "vitrine.redis.command-timeout", "1s"))) {
            SingleInstanceRound round = new SingleInstanceRound(context.getBean(DistributedLocks.class), LOCK,
                    Duration.ofMinutes(1), "test");
            server.kill();

            assertThat(round.run(() -> "ran")).contains("ran");
        }
    }
}
