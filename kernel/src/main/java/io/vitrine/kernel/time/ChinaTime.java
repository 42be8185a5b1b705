package io.vitrine.kernel.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * China time (Asia/Shanghai), the zone of every business date and period: the calendar year of the
 * annual limit, the 30/45-day return windows, customs appTime/declTime (domain.md "Trade modes").
 * These helpers never consult the JVM's default zone, so a server in another zone agrees with them.
 *
 * <p>Day and year ranges are half-open: {@code [start, end)}, with {@code end} the first instant of
 * the next day or year, so consecutive ranges neither overlap nor leave a gap.
 */
public final class ChinaTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final Clock SYSTEM = Clock.system(ZONE);

    private ChinaTime() {
    }

    /**
     * The system clock in China time: the Clock bean, and the fallback for the few static callers
     * that run without an application context. Everything else injects the Clock bean.
     */
    public static Clock systemClock() {
        return SYSTEM;
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    public static ZonedDateTime now(Clock clock) {
        return ZonedDateTime.ofInstant(clock.instant(), ZONE);
    }

    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** The calendar year an instant falls in, in China (the annual-limit year). */
    public static Year yearOf(Instant instant) {
        return Year.from(dateOf(instant));
    }

    public static Instant startOfDay(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    /** Exclusive end: the first instant of the next day in China. */
    public static Instant endOfDay(LocalDate day) {
        return startOfDay(day.plusDays(1));
    }

    public static Instant startOfYear(Year year) {
        return startOfDay(year.atDay(1));
    }

    /** Exclusive end: the first instant of the next year in China. */
    public static Instant endOfYear(Year year) {
        return startOfYear(year.plusYears(1));
    }
}
