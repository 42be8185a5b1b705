package io.vitrine.oversight.display;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpiryThresholdsTest {

    private final ExpiryThresholds thresholds = new ExpiryThresholds(List.of(1, 7));

    @Test
    void the_tightest_threshold_reached_is_the_one_raised() {
        assertThat(thresholds.reached(8)).isEmpty();
        assertThat(thresholds.reached(7)).contains(7);
        assertThat(thresholds.reached(2)).contains(7);
        assertThat(thresholds.reached(1)).contains(1);
        assertThat(thresholds.reached(-3)).isEqualTo(Optional.of(1));
        assertThat(thresholds.widest()).isEqualTo(7);
    }

    @Test
    void a_negative_or_missing_threshold_is_refused_at_start() {
        assertThatThrownBy(() -> new ExpiryThresholds(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExpiryThresholds(List.of(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
