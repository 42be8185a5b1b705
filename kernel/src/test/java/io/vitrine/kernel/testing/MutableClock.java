package io.vitrine.kernel.testing;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move by hand, so backoffs and leases are crossed without waiting. Starts at the
 * real time. Only in contexts started with {@link KernelContexts#FIXTURES}.
 */
@Singleton
@Replaces(Clock.class)
@Requires(property = KernelContexts.FIXTURES, value = "true")
public class MutableClock extends Clock {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    /** Moves the clock to the given instant unless it is already past it. */
    public void advanceTo(Instant instant) {
        now.updateAndGet(current -> current.isBefore(instant) ? instant : current);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the test clock has one zone");
    }
}
