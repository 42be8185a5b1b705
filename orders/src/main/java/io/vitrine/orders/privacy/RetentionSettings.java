package io.vitrine.orders.privacy;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code vitrine.privacy.retention.*}: how long a finished order keeps its buyer's and consignee's personal data,
 * and how often the erasure round runs.
 *
 * @param personalData counted from the order's last change once it is finished (released, shipped, delivered,
 *                     returned, cancelled or closed, no return still open); 180 days by default, well past the
 *                     30-day return window and the 45 days the goods have to come back (domain.md)
 * @param interval     between two rounds (every instance schedules them; one runs each round)
 * @param enabled      false stops the schedule (tests run rounds by hand)
 */
@ConfigurationProperties("vitrine.privacy.retention")
public record RetentionSettings(@Bindable(defaultValue = "180d") Duration personalData,
                                @Bindable(defaultValue = "1h") Duration interval,
                                @Bindable(defaultValue = "true") boolean enabled) {

    /** The shortest period accepted: the return windows must have closed before anything is erased. */
    public static final Duration SHORTEST = Duration.ofDays(76);

    public RetentionSettings {
        if (personalData.compareTo(SHORTEST) < 0) {
            throw new IllegalArgumentException("vitrine.privacy.retention.personal-data must be at least "
                    + SHORTEST.toDays() + " days (the 30-day return window and the 45 days the goods have to come "
                    + "back, plus a day), was " + personalData);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("vitrine.privacy.retention.interval must be positive");
        }
    }
}
