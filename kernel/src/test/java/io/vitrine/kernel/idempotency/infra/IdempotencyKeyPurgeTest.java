package io.vitrine.kernel.idempotency.infra;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.cache.DistributedLocks;
import io.vitrine.kernel.cache.LockLease;
import io.vitrine.kernel.idempotency.IdempotencyKeys;
import io.vitrine.kernel.testing.KernelContexts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The periodic purge runs on one instance per round: the one that takes the round's lock. */
class IdempotencyKeyPurgeTest {

    @Test
    void a_round_purges_once_and_holds_the_lock_so_the_next_instance_skips_it() {
        ApplicationContext context = KernelContexts.h2();
        DistributedLocks locks = context.getBean(DistributedLocks.class);
        IdempotencyKeys keys = context.getBean(IdempotencyKeys.class);
        IdempotencyKeyPurge one = new IdempotencyKeyPurge(keys, locks, Duration.ofMinutes(15));
        IdempotencyKeyPurge another = new IdempotencyKeyPurge(keys, locks, Duration.ofMinutes(15));

        Optional<Integer> first = one.round();
        Optional<Integer> second = another.round();

        assertThat(first).isPresent();
        assertThat(second).isEmpty();
        Optional<LockLease> held = locks.tryAcquire(IdempotencyKeyPurge.LOCK, Duration.ofSeconds(1));
        assertThat(held).as("the round's lock is still held").isEmpty();
    }
}
