package io.vitrine.kernel.cache;

import java.time.Duration;
import java.util.Objects;

/** N permits per sliding window. */
public record RateLimit(int permits, Duration window) {

    public RateLimit {
        Objects.requireNonNull(window, "window");
        if (permits < 1) {
            throw new IllegalArgumentException("a rate limit allows at least one permit");
        }
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("a rate-limit window is at least 1 ms");
        }
    }

    public static RateLimit of(int permits, Duration window) {
        return new RateLimit(permits, window);
    }
}
