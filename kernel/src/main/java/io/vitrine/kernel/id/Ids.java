package io.vitrine.kernel.id;

import io.vitrine.kernel.time.ChinaTime;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * The platform's one id generator: time-ordered UUIDv7 (RFC 9562 section 5.7), stored as CHAR(36).
 * Time-ordered ids keep B-tree inserts at the end of the index and sort by creation time.
 *
 * <p>Layout: 48-bit Unix milliseconds, version 7, then 74 bits that start random for each new
 * millisecond and are incremented by one for every further id within the same millisecond
 * (RFC 9562 "Monotonic Random", method 2). So ids from one generator strictly increase, also when
 * the clock stands still or steps back (the last timestamp is kept until the clock passes it).
 * Thread-safe. Inject the bean; code with no application context uses {@link #systemWide()}.
 */
@Singleton
public final class Ids {

    private static final long TAIL_BITS = 74;
    private static final Ids SYSTEM_WIDE = new Ids(ChinaTime.systemClock());

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private long lastMillis = Long.MIN_VALUE;
    // the 74 counter bits: high 12 in rand_a, low 62 in rand_b
    private long tailHigh;
    private long tailLow;

    @Inject
    public Ids(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The generator on the system clock, for static callers without an application context. */
    public static Ids systemWide() {
        return SYSTEM_WIDE;
    }

    /** A new message guid in the customs form: 36 characters, upper case. */
    public static String customsGuid() {
        return SYSTEM_WIDE.next().toString().toUpperCase(Locale.ROOT);
    }

    /** The creation time encoded in a UUIDv7, to the millisecond. */
    public static Instant instantOf(UUID id) {
        if (id.version() != 7) {
            throw new IllegalArgumentException("not a UUIDv7: " + id);
        }
        return Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16);
    }

    /** A new id as stored: 36 lower-case characters. */
    public String nextId() {
        return next().toString();
    }

    public UUID next() {
        long millis;
        long high;
        long low;
        synchronized (this) {
            long now = clock.millis();
            if (now > lastMillis) {
                lastMillis = now;
                tailHigh = random.nextInt(1 << 12);
                tailLow = random.nextLong() & ((1L << 62) - 1);
            } else if (!increment()) {
                // 2^74 ids in one millisecond cannot happen in practice; borrow the next one anyway
                lastMillis++;
                tailHigh = 0;
                tailLow = 0;
            }
            millis = lastMillis;
            high = tailHigh;
            low = tailLow;
        }
        long msb = (millis << 16) | (0x7L << 12) | high;
        long lsb = (0b10L << 62) | low;
        return new UUID(msb, lsb);
    }

    /** Adds one to the 74-bit tail; false when it overflows. */
    private boolean increment() {
        tailLow = (tailLow + 1) & ((1L << 62) - 1);
        if (tailLow != 0) {
            return true;
        }
        tailHigh = (tailHigh + 1) & ((1L << (TAIL_BITS - 62)) - 1);
        return tailHigh != 0;
    }
}
