package io.vitrine.api.customs;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.time.ChinaTime;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The monitor's range: China days {@code from} and {@code to}, both included (as the orders list's); by default the
 * last {@value #DEFAULT_DAYS} days up to today. Refused (400, field and rule): not a day ({@code DAY_FORM}),
 * {@code to} before {@code from} ({@code RANGE_ORDER}), more than {@value #MAX_DAYS} days ({@code RANGE_TOO_LONG}).
 */
public record MonitorRange(LocalDate from, LocalDate to) {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;

    public static MonitorRange parse(@Nullable String from, @Nullable String to, Clock clock, FieldChecks checks) {
        LocalDate until = day("to", to, checks);
        LocalDate since = day("from", from, checks);
        if (until == null && !present(to)) {
            until = ChinaTime.today(clock);
        }
        if (since == null && !present(from) && until != null) {
            since = until.minusDays(DEFAULT_DAYS - 1);
        }
        if (since != null && until != null) {
            if (until.isBefore(since)) {
                checks.fail("to", "RANGE_ORDER", "must not be before from");
            } else if (ChronoUnit.DAYS.between(since, until) >= MAX_DAYS) {
                checks.fail("to", "RANGE_TOO_LONG", "at most " + MAX_DAYS + " days");
            }
        }
        return checks.hasErrors() ? null : new MonitorRange(since, until);
    }

    public Instant start() {
        return ChinaTime.startOfDay(from);
    }

    /** Exclusive. */
    public Instant end() {
        return ChinaTime.endOfDay(to);
    }

    @Nullable
    private static LocalDate day(String field, @Nullable String raw, FieldChecks checks) {
        if (!present(raw)) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            return checks.fail(field, "DAY_FORM", "a day as YYYY-MM-DD");
        }
    }

    private static boolean present(@Nullable String raw) {
        return raw != null && !raw.isBlank();
    }
}
