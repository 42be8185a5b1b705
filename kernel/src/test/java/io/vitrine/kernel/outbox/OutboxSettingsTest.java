package io.vitrine.kernel.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxSettingsTest {

    private final OutboxSettings settings = new OutboxSettings(50, 10, Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofMinutes(5));

    @Test
    void backoff_doubles_after_each_failure_up_to_the_cap() {
        assertThat(settings.backoffAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.backoffAfter(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.backoffAfter(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(settings.backoffAfter(5)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.backoffAfter(500)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void settings_that_would_spin_or_never_deliver_are_refused() {
        assertThatThrownBy(() -> new OutboxSettings(0, 10, Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutboxSettings(50, 10, Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
