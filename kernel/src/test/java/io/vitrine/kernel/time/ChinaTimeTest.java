package io.vitrine.kernel.time;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.testing.PrivacyTestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

class ChinaTimeTest {

    // 2024-12-31T16:30Z: still New Year's Eve in UTC and Los Angeles, already 2025-01-01 00:30 in China
    private static final Instant JUST_AFTER_CHINESE_MIDNIGHT = Instant.parse("2024-12-31T16:30:00Z");

    private TimeZone jvmZone;

    @BeforeEach
    void move_the_jvm_far_from_china() {
        jvmZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
    }

    @AfterEach
    void restore_the_jvm_zone() {
        TimeZone.setDefault(jvmZone);
    }

    @Test
    void the_date_and_year_of_an_instant_near_midnight_are_chinas() {
        assertThat(ZoneId.systemDefault()).isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(ChinaTime.dateOf(JUST_AFTER_CHINESE_MIDNIGHT)).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(ChinaTime.yearOf(JUST_AFTER_CHINESE_MIDNIGHT)).isEqualTo(Year.of(2025));
        assertThat(ChinaTime.today(Clock.fixed(JUST_AFTER_CHINESE_MIDNIGHT, ZoneOffset.UTC)))
                .isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(ChinaTime.now(Clock.fixed(JUST_AFTER_CHINESE_MIDNIGHT, ZoneOffset.UTC)).getHour()).isEqualTo(0);
        // one minute before Chinese midnight it is still the old year
        assertThat(ChinaTime.yearOf(Instant.parse("2024-12-31T15:59:00Z"))).isEqualTo(Year.of(2024));
    }

    @Test
    void the_clock_bean_is_in_china_time_whatever_the_jvm_zone() {
        try (ApplicationContext context = ApplicationContext.run(PrivacyTestKeys.properties())) {
            Clock clock = context.getBean(Clock.class);
            assertThat(clock.getZone()).isEqualTo(ChinaTime.ZONE);
            assertThat(LocalDate.now(clock)).isEqualTo(ChinaTime.today(clock));
        }
    }

    @Test
    void days_and_years_are_half_open_ranges_in_china_time() {
        LocalDate newYear = LocalDate.of(2025, 1, 1);
        assertThat(ChinaTime.startOfDay(newYear)).isEqualTo(Instant.parse("2024-12-31T16:00:00Z"));
        assertThat(ChinaTime.endOfDay(newYear)).isEqualTo(Instant.parse("2025-01-01T16:00:00Z"));
        assertThat(ChinaTime.startOfYear(Year.of(2025))).isEqualTo(Instant.parse("2024-12-31T16:00:00Z"));
        assertThat(ChinaTime.endOfYear(Year.of(2025))).isEqualTo(Instant.parse("2025-12-31T16:00:00Z"));
        assertThat(ChinaTime.endOfDay(newYear)).isEqualTo(ChinaTime.startOfDay(newYear.plusDays(1)));
    }
}
