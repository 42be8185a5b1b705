package io.vitrine.pos.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Why one event was rejected: a stable {@code code} a device can react to (the list is in the module README), the
 * field of the event that broke it ({@code lines[2].qty}; none when the event as a whole is refused), and a sentence.
 */
@Serdeable
public record EventError(String code, @Nullable String field, String message) {
}
