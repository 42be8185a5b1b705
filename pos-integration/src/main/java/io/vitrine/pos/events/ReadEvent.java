package io.vitrine.pos.events;

import io.micronaut.core.annotation.Nullable;

/**
 * One entry of a batch as read: a well-formed {@link PosEvent}, or the rejection that its form already earned.
 * Exactly one of the two is set.
 */
record ReadEvent(@Nullable PosEvent event, @Nullable EventResult rejection) {

    static ReadEvent of(PosEvent event) {
        return new ReadEvent(event, null);
    }

    static ReadEvent rejected(@Nullable String eventId, String code, @Nullable String field, String message) {
        return new ReadEvent(null, EventResult.rejected(eventId, new EventError(code, field, message)));
    }
}
