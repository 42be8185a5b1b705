package io.vitrine.kernel.time;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class UtcDatetimeTextTest {

    private final UtcDatetimeText converter = new UtcDatetimeText();

    @Test
    void an_instant_is_written_as_utc_text_cut_to_microseconds() {
        Instant instant = Instant.parse("2025-03-01T08:00:00.123456789Z");

        assertThat(converter.convertToPersistedValue(instant, null)).isEqualTo("2025-03-01 08:00:00.123456");
    }

    @Test
    void what_drivers_hand_back_reads_as_the_same_instant() {
        Instant expected = Instant.parse("2025-03-01T08:00:00.123456Z");

        assertThat(converter.convertToEntityValue("2025-03-01 08:00:00.123456", null)).isEqualTo(expected);
        assertThat(converter.convertToEntityValue("2025-03-01T08:00:00.123456", null)).isEqualTo(expected);
        assertThat(converter.convertToEntityValue("2025-03-01 08:00:00.1234560", null)).isEqualTo(expected);
        assertThat(converter.convertToEntityValue("2025-03-01 08:00:00", null)).isEqualTo(Instant.parse("2025-03-01T08:00:00Z"));
    }

    @Test
    void null_stays_null() {
        assertThat(converter.convertToPersistedValue(null, null)).isNull();
        assertThat(converter.convertToEntityValue(null, null)).isNull();
    }
}
