package io.vitrine.api.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The api tests' one way to wait for what happens after a request returns (the outbox's listeners, jobs): ask again
 * until the check finds it, or fail. Not a timed assertion: the deadline only bounds a test that would otherwise hang;
 * how fast things happen is the benchmarks' business.
 */
public final class Eventually {

    /** The default deadline: the outbox retries 5 s, 10 s, 20 s… apart, so a first failed delivery still fits. */
    public static final Duration WITHIN = Duration.ofSeconds(60);
    public static final Duration EVERY = Duration.ofMillis(200);

    private Eventually() {
    }

    /** What the check finds, asked again every 200 ms for up to 60 s. */
    public static <T> T eventually(Supplier<Optional<T>> check) {
        return eventually(WITHIN, EVERY, check);
    }

    /** What the check finds, asked again every {@code every} for up to {@code within}. */
    public static <T> T eventually(Duration within, Duration every, Supplier<Optional<T>> check) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Optional<T> found = check.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within.toSeconds() + " s");
            }
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
