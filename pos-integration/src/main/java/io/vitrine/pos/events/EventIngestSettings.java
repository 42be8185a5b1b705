package io.vitrine.pos.events;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * The limits of one batch and the time window an event's {@code occurredAt} must fall in. A device's clock may run
 * ahead of ours by {@code future-tolerance} (5 minutes: the signature's window is the same size); a device may stay
 * offline, queueing events, for up to {@code max-age} (30 days) before its oldest events are refused as TOO_OLD.
 */
@Singleton
public class EventIngestSettings {

    /** api.md: a batch holds up to 500 events. */
    public static final int MAX_EVENTS = 500;
    /** Lines of one event. */
    public static final int MAX_LINES = 500;

    private final long maxBodyBytes;
    private final Duration futureTolerance;
    private final Duration maxAge;

    public EventIngestSettings(@Value("${vitrine.pos.events.max-body-size:4194304}") long maxBodyBytes,
                               @Value("${vitrine.pos.events.future-tolerance:5m}") Duration futureTolerance,
                               @Value("${vitrine.pos.events.max-age:30d}") Duration maxAge) {
        this.maxBodyBytes = maxBodyBytes;
        this.futureTolerance = futureTolerance;
        this.maxAge = maxAge;
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    public Duration futureTolerance() {
        return futureTolerance;
    }

    public Duration maxAge() {
        return maxAge;
    }
}
