package io.vitrine.api.console;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.time.ChinaTime;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Instants as the pages show them: China time (all business times are), to the minute; "" for none. */
public final class ChinaTimeText {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ChinaTimeText() {
    }

    public static String of(@Nullable Instant instant) {
        return instant == null ? "" : MINUTES.format(instant.atZone(ChinaTime.ZONE));
    }
}
