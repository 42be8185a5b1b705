package io.vitrine.kernel.time.infra;

import io.micronaut.core.annotation.Nullable;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Instants in {@code DATETIME(6)} UTC columns, the one way every hand-written SQL binds them. They go
 * in as UTC text with exactly the microseconds DATETIME(6) holds: text, because mysql-connector-j
 * drops the fraction of LocalDateTime/Timestamp parameters on MariaDB (it reads the server as
 * "5.5.5" and assumes no fractional seconds); cut to microseconds, because H2 would round the
 * nanoseconds up, and a due time rounded up is not due yet. Neither zone can shift them.
 */
public final class SqlInstants {

    private static final DateTimeFormatter DATETIME_6 = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    private SqlInstants() {
    }

    /** The parameter text for an instant ({@code setString}); null stays null. */
    @Nullable
    public static String text(@Nullable Instant instant) {
        return instant == null ? null
                : DATETIME_6.format(LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }

    /** The instant in a column, null for SQL NULL. */
    @Nullable
    public static Instant read(ResultSet row, int column) throws SQLException {
        LocalDateTime utc = row.getObject(column, LocalDateTime.class);
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
