package io.vitrine.pos.events;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;

/**
 * Prunes the event ledger ({@code pos_events}, the exactly-once key), {@code batch-size} rows per delete, by the
 * device's {@code occurredAt}:
 * <ul>
 *   <li>SALE, RETURN and STOCK_COUNT after {@code vitrine.pos.retention.ledger} (31 days). Why that is enough: an event
 *   older than {@code vitrine.pos.events.max-age} (30 days) is refused TOO_OLD by its form before the ledger is
 *   asked, so a resend of an event whose row is gone — a till replaying days late — is REJECTED, never applied twice.
 *   The retention must exceed the max age; the extra day covers a batch whose form was checked just before a prune.
 *   A shorter setting is refused at start-up.</li>
 *   <li>HEARTBEAT after {@code vitrine.pos.retention.heartbeats} (2 days): a heartbeat changes nothing that a second
 *   application could count twice (last seen never moves back, the version follows the latest by the device's clock,
 *   {@code DeviceStatuses}), so a resent one whose row is gone is ACCEPTED again harmlessly; heartbeats are most of
 *   the rows (one a minute per till).</li>
 * </ul>
 * {@code store_stock_movements} is not pruned: a store's levels and reconciliation are worked out from it.
 */
@Singleton
public class LedgerRetention {

    /** How much longer than the max age the ledger keeps events. */
    static final Duration MARGIN = Duration.ofHours(1);

    private final EventLedger ledger;
    private final Duration keep;
    private final Duration keepHeartbeats;
    private final int batch;

    LedgerRetention(EventLedger ledger, EventIngestSettings ingest,
                    @Value("${vitrine.pos.retention.ledger:31d}") Duration keep,
                    @Value("${vitrine.pos.retention.heartbeats:2d}") Duration keepHeartbeats,
                    @Value("${vitrine.pos.retention.batch-size:1000}") int batch) {
        Duration least = ingest.maxAge().plus(ingest.futureTolerance()).plus(MARGIN);
        if (keep.compareTo(least) < 0) {
            throw new IllegalArgumentException("vitrine.pos.retention.ledger (" + keep + ") must be at least "
                    + "vitrine.pos.events.max-age + future-tolerance + 1h (" + least + "): a resent event must be "
                    + "refused TOO_OLD before its ledger row is gone");
        }
        if (keepHeartbeats.isNegative() || keepHeartbeats.isZero() || batch < 1) {
            throw new IllegalArgumentException("vitrine.pos.retention.heartbeats must be positive and batch-size >= 1");
        }
        this.ledger = ledger;
        this.keep = keep;
        this.keepHeartbeats = keepHeartbeats;
        this.batch = batch;
    }

    /** What one prune deleted: events that move stock, and heartbeats. */
    public record Pruned(long events, long heartbeats) {
    }

    public Pruned prune(Instant now) {
        long events = 0;
        long heartbeats = 0;
        for (EventType type : EventType.values()) {
            Instant before = now.minus(type == EventType.HEARTBEAT ? keepHeartbeats : keep);
            long gone = 0;
            int batchGone;
            do {
                batchGone = ledger.forget(type, before, batch);
                gone += batchGone;
            } while (batchGone == batch);
            if (type == EventType.HEARTBEAT) {
                heartbeats += gone;
            } else {
                events += gone;
            }
        }
        return new Pruned(events, heartbeats);
    }
}
