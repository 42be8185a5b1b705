package io.vitrine.oversight.display;

import java.time.LocalDate;
import java.util.Objects;

/** The China dates goods may stay on display, both inclusive. */
public record DisplayPeriod(LocalDate from, LocalDate to) {

    public DisplayPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a display period ends on or after its start");
        }
    }
}
