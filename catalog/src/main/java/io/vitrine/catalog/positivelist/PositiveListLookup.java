package io.vitrine.catalog.positivelist;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Answers "is this HS code on the positive list?" from a copy of the whole list held in memory: every
 * product read asks (a page of 200 products asks 200 times), and the list is small (≈1,500 codes) and
 * changes a few times a year.
 *
 * <p>Cluster mode: each instance compares its copy's version with the newest import row at most every
 * {@code vitrine.catalog.positive-list.recheck-interval} (default 2s; one primary-key read) and reloads
 * the list when another instance replaced it. The instance that replaced it reloads at once. So a change
 * reaches every instance within the interval, without a shared cache or a broadcast. If the database
 * cannot be asked, the copy in hand keeps serving.
 */
@Singleton
public class PositiveListLookup {

    private static final Logger LOG = LoggerFactory.getLogger(PositiveListLookup.class);

    private final PositiveListEntryRepository entries;
    private final PositiveListImportRepository imports;
    private final Clock clock;
    private final Duration recheckInterval;
    private volatile Snapshot snapshot;

    PositiveListLookup(PositiveListEntryRepository entries, PositiveListImportRepository imports, Clock clock,
                       @Value("${vitrine.catalog.positive-list.recheck-interval:2s}") Duration recheckInterval) {
        this.entries = entries;
        this.imports = imports;
        this.clock = clock;
        this.recheckInterval = recheckInterval;
    }

    public Optional<PositiveListEntry> find(String hsCode) {
        return Optional.ofNullable(hsCode == null ? null : current().entries().get(hsCode));
    }

    public boolean isListed(String hsCode) {
        return find(hsCode).isPresent();
    }

    /** The version of the list this instance answers from ({@code null} before the first import). */
    @Nullable
    public String version() {
        return current().version();
    }

    /** Checks the version now (after this instance replaced the list). */
    void reload() {
        synchronized (this) {
            snapshot = refreshed(snapshot);
        }
    }

    private Snapshot current() {
        Snapshot held = snapshot;
        if (held != null && clock.instant().isBefore(held.checkedAt().plus(recheckInterval))) {
            return held;
        }
        synchronized (this) {
            held = snapshot;
            if (held == null || !clock.instant().isBefore(held.checkedAt().plus(recheckInterval))) {
                snapshot = refreshed(held);
            }
            return snapshot;
        }
    }

    private Snapshot refreshed(@Nullable Snapshot held) {
        try {
            String latest = imports.findLatestId().orElse(null);
            if (held != null && java.util.Objects.equals(latest, held.version())) {
                return new Snapshot(held.version(), held.entries(), clock.instant());
            }
            Map<String, PositiveListEntry> all = new HashMap<>();
            entries.findAll().forEach(entry -> all.put(entry.hsCode(), entry));
            return new Snapshot(latest, Map.copyOf(all), clock.instant());
        } catch (RuntimeException e) {
            if (held == null) {
                throw e;
            }
            LOG.warn("positive list: could not check for a new version, answering from version {}", held.version(), e);
            return new Snapshot(held.version(), held.entries(), clock.instant());
        }
    }

    private record Snapshot(@Nullable String version, Map<String, PositiveListEntry> entries, Instant checkedAt) {
    }
}
