package io.vitrine.oversight.display;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * How many days before a display period or guarantee ends the alerts go out:
 * {@code vitrine.oversight.display.alert-days} (default {@code 7,1}). Each threshold raises its alert once.
 */
@Singleton
class ExpiryThresholds {

    private final List<Integer> days;

    ExpiryThresholds(@Value("${vitrine.oversight.display.alert-days:7,1}") List<Integer> days) {
        TreeSet<Integer> sorted = new TreeSet<>(days);
        if (sorted.isEmpty() || sorted.first() < 0) {
            throw new IllegalArgumentException("vitrine.oversight.display.alert-days: at least one, none negative");
        }
        this.days = List.copyOf(sorted);
    }

    /** The widest threshold: anything ending later than today plus this is not due yet. */
    int widest() {
        return days.get(days.size() - 1);
    }

    /**
     * The tightest threshold {@code daysLeft} has reached (the one to raise now), if any: with 7 and 1, 3 days left
     * is the 7-day alert, 0 or past is the 1-day one. The earlier, wider ones are not raised late.
     */
    Optional<Integer> reached(long daysLeft) {
        return days.stream().filter(threshold -> daysLeft <= threshold).findFirst();
    }
}
