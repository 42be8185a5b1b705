package io.vitrine.kernel.outbox.infra;

import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.DefaultTransactionDefinition;
import io.vitrine.kernel.outbox.BatchOutboxListener;
import io.vitrine.kernel.outbox.DeliveredEvent;
import io.vitrine.kernel.outbox.OutboxListener;
import io.vitrine.kernel.outbox.OutboxListeners;
import io.vitrine.kernel.outbox.OutboxRetries;
import io.vitrine.kernel.outbox.OutboxSettings;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Delivers committed events to their listeners, at least once, safely from any number of
 * application instances: due deliveries are claimed with {@code SELECT ... FOR UPDATE SKIP LOCKED}
 * and leased in a short transaction, then each is delivered in its own transaction together with
 * the listener's effects and its processed-event mark. A dispatcher that dies mid-batch leaves
 * its claims to expire; they are delivered again, and the processed-event mark keeps the
 * listener's database effects to once. A {@link BatchOutboxListener} gets its claims of the batch grouped by
 * tenant, each group in one transaction.
 */
@Singleton
public class OutboxDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    /**
     * The claim reads committed rows only: in MariaDB's default repeatable read its {@code FOR UPDATE} range scan
     * locked the gaps of the due index up to the next row, so a business transaction inserting a delivery due now
     * (every outbox publish) waited on the claim while the claim's lease UPDATE waited on that transaction's new
     * row: a deadlock, and the business request failed (found by the customs-pipeline benchmark: a partner's
     * waybill answered 500). Read committed locks the claimed rows alone.
     */
    private static final TransactionDefinition CLAIM = claimDefinition();

    private final TransactionOperations<Connection> transactions;
    private final OutboxRows rows;
    private final OutboxListeners listeners;
    private final OutboxSettings settings;
    private final JsonMapper json;
    private final Clock clock;

    OutboxDispatcher(TransactionOperations<Connection> transactions, OutboxRows rows, OutboxListeners listeners,
                     OutboxSettings settings, JsonMapper json, Clock clock) {
        this.transactions = transactions;
        this.rows = rows;
        this.listeners = listeners;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /** Delivers batches until nothing is due; returns the number of deliveries attempted. */
    public int dispatchDue() {
        int attempted = 0;
        int claimed;
        do {
            claimed = dispatchBatch();
            attempted += claimed;
        } while (claimed == settings.batchSize());
        return attempted;
    }

    /** Claims and delivers one batch; returns the number of deliveries attempted. */
    public int dispatchBatch() {
        Instant now = clock.instant();
        List<OutboxRows.Claim> claims = jdbc(CLAIM, connection ->
                rows.claimDue(connection, now, settings.batchSize(), now.plus(settings.lease()), settings.maxAttempts(),
                        listeners::retriesUntilDelivered));
        if (claims.isEmpty()) {
            return 0;
        }
        Map<String, OutboxRows.EventRow> events = jdbc(connection ->
                rows.events(connection, claims.stream().map(OutboxRows.Claim::eventId).distinct().toList()));
        Map<BatchKey, List<OutboxRows.Claim>> batches = new LinkedHashMap<>();
        for (OutboxRows.Claim claim : claims) {
            if (listeners.named(claim.listener()).orElse(null) instanceof BatchOutboxListener) {
                batches.computeIfAbsent(new BatchKey(claim.listener(), events.get(claim.eventId()).tenant()),
                        key -> new ArrayList<>()).add(claim);
            } else {
                deliver(claim, events.get(claim.eventId()));
            }
        }
        batches.forEach((key, batch) -> deliverBatch(
                (BatchOutboxListener) listeners.named(key.listener()).orElseThrow(), batch, events));
        return claims.size();
    }

    /** A batch listener's claims of one tenant ({@code null}: platform events) go to it together. */
    private record BatchKey(String listener, String tenant) {
    }

    /**
     * One transaction for the batch: the processed marks, the listener's work on the events not processed before,
     * and each delivery DONE — the marks and statuses in a few statements for the whole batch, not two per event.
     * If the listener throws, every delivery of the batch records the failure.
     */
    private void deliverBatch(BatchOutboxListener listener, List<OutboxRows.Claim> claims,
                              Map<String, OutboxRows.EventRow> events) {
        List<DeliveredEvent> delivered = claims.stream().map(claim -> delivered(claim, events.get(claim.eventId()))).toList();
        TenantId tenant = events.get(claims.get(0).eventId()).tenantId();
        Runnable work = () -> jdbc(connection -> {
            Instant now = clock.instant();
            List<String> ids = delivered.stream().map(DeliveredEvent::id).toList();
            Set<String> unprocessed = rows.markAllProcessed(connection, listener.name(), ids, now);
            List<DeliveredEvent> fresh = delivered.stream().filter(event -> unprocessed.contains(event.id())).toList();
            if (!fresh.isEmpty()) {
                listener.onBatch(fresh);
            }
            rows.markAllDone(connection, listener.name(), ids, now);
            return null;
        });
        try {
            if (tenant == null) {
                work.run();
            } else {
                TenantContext.runAs(tenant, work);
            }
        } catch (RuntimeException e) {
            String error = describe(e);
            LOG.warn("outbox: a batch of {} events ({} ...) failed for listener {} (attempt {} of the first, of {}): {}",
                    claims.size(), delivered.get(0), listener.name(), claims.get(0).attempt(),
                    listener.retries() == OutboxRetries.UNTIL_DELIVERED ? "unlimited" : settings.maxAttempts(), error);
            LOG.debug("outbox: failure of a batch for {}", listener.name(), e);
            for (OutboxRows.Claim claim : claims) {
                failed(claim, error);
            }
        }
    }

    private DeliveredEvent delivered(OutboxRows.Claim claim, OutboxRows.EventRow event) {
        return new DeliveredEvent(event.id(), event.type(), event.tenantId(),
                event.businessKey(), event.occurredAt(), event.payload(), claim.attempt(), json);
    }

    private void deliver(OutboxRows.Claim claim, OutboxRows.EventRow event) {
        Optional<OutboxListener> listener = listeners.named(claim.listener());
        if (listener.isEmpty()) {
            // e.g. a rolling deploy where this instance predates the listener: another may have it
            failed(claim, "no listener named " + claim.listener() + " in this application instance");
            return;
        }
        DeliveredEvent delivered = delivered(claim, event);
        try {
            TenantId tenant = event.tenantId();
            if (tenant == null) {
                deliverInTransaction(claim, listener.get(), delivered);
            } else {
                TenantContext.runAs(tenant, () -> deliverInTransaction(claim, listener.get(), delivered));
            }
        } catch (RuntimeException e) {
            String error = describe(e);
            LOG.warn("outbox: {} failed for listener {} (attempt {} of {}): {}", delivered, claim.listener(),
                    claim.attempt(), listeners.retriesUntilDelivered(claim.listener()) ? "unlimited" : settings.maxAttempts(),
                    error);
            LOG.debug("outbox: failure of {} for {}", delivered, claim.listener(), e);
            failed(claim, error);
        }
    }

    private void deliverInTransaction(OutboxRows.Claim claim, OutboxListener listener, DeliveredEvent event) {
        jdbc(connection -> {
            if (rows.markProcessed(connection, listener.name(), event.id(), clock.instant())) {
                listener.on(event);
            }
            rows.markDone(connection, claim, clock.instant());
            return null;
        });
    }

    private void failed(OutboxRows.Claim claim, String error) {
        Instant now = clock.instant();
        boolean exhausted = claim.attempt() >= settings.maxAttempts() && !listeners.retriesUntilDelivered(claim.listener());
        Instant retryAt = exhausted ? null : now.plus(settings.backoffAfter(claim.attempt()));
        jdbc(connection -> {
            rows.recordFailure(connection, claim, now, retryAt, error);
            return null;
        });
        if (exhausted) {
            LOG.error("outbox: delivery of event {} to {} is DEAD after {} attempts: {}", claim.eventId(),
                    claim.listener(), claim.attempt(), error);
        }
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.toString());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(" <- ").append(cause);
        }
        return text.toString();
    }

    private static TransactionDefinition claimDefinition() {
        DefaultTransactionDefinition claim = new DefaultTransactionDefinition(TransactionDefinition.Propagation.REQUIRED);
        claim.setIsolationLevel(TransactionDefinition.Isolation.READ_COMMITTED);
        return claim;
    }

    private <T> T jdbc(SqlWork<T> work) {
        return jdbc(TransactionDefinition.DEFAULT, work);
    }

    private <T> T jdbc(TransactionDefinition definition, SqlWork<T> work) {
        return transactions.execute(definition, status -> {
            try {
                return work.run(status.getConnection());
            } catch (SQLException e) {
                throw new IllegalStateException("outbox SQL failed: " + e.getMessage(), e);
            }
        });
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
