package io.vitrine.kernel.time;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;

/**
 * How a Micronaut Data entity keeps an {@link Instant} in a {@code DATETIME(6)} column: as UTC text
 * with exactly the microseconds the column holds, the same convention as the kernel's own JDBC code
 * (outbox, stored files). Text, because mysql-connector-j drops the fraction of Timestamp and
 * LocalDateTime parameters on MariaDB (it takes the server for "5.5.5"), and because H2 would
 * otherwise store the JVM zone's wall time. Use it on every {@code Instant} field:
 * <pre>{@code @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant createdAt}</pre>
 */
@Singleton
public class UtcDatetimeText implements AttributeConverter<Instant, String> {

    private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    /** What drivers hand back: {@code 2025-03-01 08:00:00[.fraction]}, H2 also with a 'T'. */
    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    @Override
    public String convertToPersistedValue(Instant instant, ConversionContext context) {
        return instant == null ? null : format(instant);
    }

    @Override
    public Instant convertToEntityValue(String text, ConversionContext context) {
        return text == null ? null : LocalDateTime.parse(text.trim(), READ).toInstant(ZoneOffset.UTC);
    }

    /** The column's text for an instant, cut to microseconds. */
    public static String format(Instant instant) {
        return WRITE.format(LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }
}
