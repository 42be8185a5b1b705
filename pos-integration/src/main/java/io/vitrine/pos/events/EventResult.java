package io.vitrine.pos.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** One event's answer, in the batch's order; {@code eventId} as sent (null when it was missing or not text). */
@Serdeable
public record EventResult(@Nullable String eventId, EventStatus status, @Nullable EventError error) {

    static EventResult accepted(String eventId) {
        return new EventResult(eventId, EventStatus.ACCEPTED, null);
    }

    static EventResult duplicate(String eventId) {
        return new EventResult(eventId, EventStatus.DUPLICATE, null);
    }

    static EventResult rejected(@Nullable String eventId, EventError error) {
        return new EventResult(eventId, EventStatus.REJECTED, error);
    }
}
