package io.vitrine.customs.declaration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The declaration monitor of the consoles (issue #6 "Console") over a set of tenants and a time range, computed by
 * the database (counts and aggregates, never every row): how many declarations opened in the range stand in each
 * status; the oldest stuck one (not in a {@link #FINAL} status, the one that moved least recently, whatever the
 * range: what needs a look now) with its age; and the clearance time — from opening (the order paid) to customs'
 * release (the first 800's returnTime) — of the declarations released in the range: count, mean, p50 and p90
 * (nearest rank: the value at rank ⌈p·n⌉ of the sorted times, read with one ordered {@code LIMIT 1 OFFSET}).
 *
 * <p>REJECTED is not final: it waits for a correction (or the order's cancellation), so it counts as stuck.
 */
@Singleton
public class DeclarationMonitor {

    /** Nothing more will happen to a declaration in these. */
    public static final Set<DeclarationStatus> FINAL = EnumSet.of(DeclarationStatus.RELEASED, DeclarationStatus.CLOSED,
            DeclarationStatus.RETURNED);

    private final DeclarationQueries queries;
    private final Clock clock;

    DeclarationMonitor(DeclarationQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Figures figures(Set<TenantId> tenants, Instant from, Instant to) {
        Map<DeclarationStatus, Long> counts = new EnumMap<>(DeclarationStatus.class);
        for (DeclarationStatus status : DeclarationStatus.values()) {
            counts.put(status, 0L);
        }
        counts.putAll(queries.countsByStatus(tenants, from, to));
        Instant now = clock.instant();
        Stuck stuck = queries.oldestStuck(tenants, FINAL)
                .map(d -> new Stuck(d, Duration.between(d.updatedAt(), now))).orElse(null);
        DeclarationQueries.ClearanceSummary summary = queries.clearance(tenants, from, to);
        Clearance clearance = new Clearance(summary.count(), seconds(summary.averageSeconds()),
                percentile(tenants, from, to, summary.count(), 50), percentile(tenants, from, to, summary.count(), 90));
        return new Figures(from, to, counts, stuck, clearance);
    }

    @Nullable
    private Duration percentile(Set<TenantId> tenants, Instant from, Instant to, long count, int percent) {
        if (count == 0) {
            return null;
        }
        long rank = Math.max(1, (count * percent + 99) / 100); // ⌈p·n⌉
        OptionalLong value = queries.clearanceAt(tenants, from, to, rank - 1);
        return value.isPresent() ? Duration.ofSeconds(value.getAsLong()) : null;
    }

    @Nullable
    private static Duration seconds(@Nullable Double average) {
        return average == null ? null : Duration.ofMillis(Math.round(average * 1000));
    }

    /** @param counts every status, 0 when none */
    public record Figures(Instant from, Instant to, Map<DeclarationStatus, Long> counts, @Nullable Stuck oldestStuck,
                          Clearance clearance) {

        public long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public record Stuck(Declaration declaration, Duration age) {
    }

    /** Durations null when nothing was released in the range. */
    public record Clearance(long released, @Nullable Duration average, @Nullable Duration p50, @Nullable Duration p90) {
    }
}
