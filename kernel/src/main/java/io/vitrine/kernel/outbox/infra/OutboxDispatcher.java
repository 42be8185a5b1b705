package io.vitrine.kernel.outbox.infra;

import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.outbox.DeliveredEvent;
import io.vitrine.kernel.outbox.OutboxListener;
import io.vitrine.kernel.outbox.OutboxListeners;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers committed events to their listeners, at least once, safely from any number of
 * application instances: due deliveries are claimed with {@code SELECT ... FOR UPDATE SKIP LOCKED}
 * and leased in a short transaction, then each is delivered in its own transaction together with
 * the listener's effects and its processed-event mark. A dispatcher that dies mid-batch leaves
 * its claims to expire; they are delivered again, and the processed-event mark keeps the
 * listener's database effects to once.
 */
@Singleton
public class OutboxDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

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
        List<OutboxRows.Claim> claims = jdbc(connection ->
                rows.claimDue(connection, now, settings.batchSize(), now.plus(settings.lease()), settings.maxAttempts(),
                        listeners::retriesUntilDelivered));
        if (claims.isEmpty()) {
            return 0;
        }
        Map<String, OutboxRows.EventRow> events = jdbc(connection ->
                rows.events(connection, claims.stream().map(OutboxRows.Claim::eventId).distinct().toList()));
        for (OutboxRows.Claim claim : claims) {
            deliver(claim, events.get(claim.eventId()));
        }
        return claims.size();
    }

    private void deliver(OutboxRows.Claim claim, OutboxRows.EventRow event) {
        Optional<OutboxListener> listener = listeners.named(claim.listener());
        if (listener.isEmpty()) {
            // e.g. a rolling deploy where this instance predates the listener: another may have it
            failed(claim, "no listener named " + claim.listener() + " in this application instance");
            return;
        }
        DeliveredEvent delivered = new DeliveredEvent(event.id(), event.type(), event.tenantId(),
                event.businessKey(), event.occurredAt(), event.payload(), claim.attempt(), json);
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

    private <T> T jdbc(SqlWork<T> work) {
        return transactions.executeWrite(status -> {
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
