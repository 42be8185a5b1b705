package io.vitrine.orders.privacy;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionSettingsTest {

    @Test
    void a_period_shorter_than_the_return_windows_is_refused_at_start() {
        assertThatThrownBy(() -> new RetentionSettings(Duration.ofDays(75), Duration.ofHours(1), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 76 days");
        assertThat(new RetentionSettings(Duration.ofDays(76), Duration.ofHours(1), true).personalData())
                .isEqualTo(Duration.ofDays(76));
        assertThatThrownBy(() -> new RetentionSettings(Duration.ofDays(180), Duration.ZERO, true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
