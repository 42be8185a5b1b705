package io.vitrine.pos.feed;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;

/**
 * Prunes each tenant's catalog change log of the entries recorded more than {@code vitrine.pos.retention.change-log}
 * ago (7 days by default: a till that was off the network longer than a week bootstraps again, a few seconds for a
 * store's shelf), {@code batch-size} rows per delete. Without breaking "no change is ever skipped": the tenant's
 * horizon is raised and committed first, then the entries at or below it are deleted; a device whose cursor is below
 * the horizon is answered {@link CursorExpiredException} (410) by the feed and bootstraps, a device at or above it
 * reads on as before. Run by the POS retention job ({@code io.vitrine.pos.retention.PosRetention}).
 */
@Singleton
public class ChangeLogRetention {

    private final CatalogChangeLog log;
    private final Duration keep;
    private final int batch;

    ChangeLogRetention(CatalogChangeLog log, @Value("${vitrine.pos.retention.change-log:7d}") Duration keep,
                       @Value("${vitrine.pos.retention.batch-size:1000}") int batch) {
        if (keep.isNegative() || keep.isZero() || batch < 1) {
            throw new IllegalArgumentException("vitrine.pos.retention.change-log must be positive and batch-size >= 1");
        }
        this.log = log;
        this.keep = keep;
        this.batch = batch;
    }

    /** Entries deleted, every tenant's: each horizon committed before its deletes, each delete a transaction. */
    public long prune(Instant now) {
        long deleted = 0;
        for (CatalogChangeLog.Horizon horizon : log.prunable(now.minus(keep))) {
            log.raiseHorizon(horizon.tenant(), horizon.seq());
            int gone;
            do {
                gone = log.deleteThrough(horizon.tenant(), horizon.seq(), batch);
                deleted += gone;
            } while (gone == batch);
        }
        return deleted;
    }

    public Duration keep() {
        return keep;
    }
}
