package io.vitrine.oversight.display;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * How a display account was closed: the day its guarantee was released (China date) with the release's reference
 * (the bank's discharge letter, the deposit's refund), and when the account was closed.
 */
@Serdeable
public record GuaranteeRelease(LocalDate releasedOn, String reference, Instant closedAt) {
}
