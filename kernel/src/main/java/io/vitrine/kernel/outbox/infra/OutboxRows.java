package io.vitrine.kernel.outbox.infra;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.outbox.DeliveryStatus;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.infra.SqlInstants;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The SQL of the outbox tables (migration V1), on the connection of the caller's transaction.
 * Instants are bound by {@link SqlInstants} (UTC text, microseconds).
 */
@Singleton
class OutboxRows {

    record Claim(String eventId, String listener, int attempt) {
    }

    record EventRow(String id, String type, @Nullable String tenant, String businessKey, String payload,
                    Instant occurredAt) {

        @Nullable
        TenantId tenantId() {
            return tenant == null ? null : TenantId.of(tenant);
        }
    }

    void insertEvent(Connection connection, EventRow event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outbox_events (id, event_type, tenant_id, business_key, payload, occurred_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, event.id());
            insert.setString(2, event.type());
            insert.setString(3, event.tenant());
            insert.setString(4, event.businessKey());
            insert.setString(5, event.payload());
            insert.setString(6, utc(event.occurredAt()));
            insert.executeUpdate();
        }
    }

    /**
     * Many events, and each one's deliveries to the same listeners, in two batched statements; each delivery is
     * due when its event occurred.
     */
    void insertEvents(Connection connection, List<EventRow> events, Collection<String> listeners)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outbox_events (id, event_type, tenant_id, business_key, payload, occurred_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")) {
            for (EventRow event : events) {
                insert.setString(1, event.id());
                insert.setString(2, event.type());
                insert.setString(3, event.tenant());
                insert.setString(4, event.businessKey());
                insert.setString(5, event.payload());
                insert.setString(6, utc(event.occurredAt()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        if (listeners.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outbox_deliveries (event_id, listener, status, attempts, next_attempt_at) "
                        + "VALUES (?, ?, 'PENDING', 0, ?)")) {
            for (EventRow event : events) {
                for (String listener : listeners) {
                    insert.setString(1, event.id());
                    insert.setString(2, listener);
                    insert.setString(3, utc(event.occurredAt()));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    void insertDeliveries(Connection connection, String eventId, Collection<String> listeners, Instant due)
            throws SQLException {
        if (listeners.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outbox_deliveries (event_id, listener, status, attempts, next_attempt_at) "
                        + "VALUES (?, ?, 'PENDING', 0, ?)")) {
            for (String listener : listeners) {
                insert.setString(1, eventId);
                insert.setString(2, listener);
                insert.setString(3, utc(due));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Locks up to {@code limit} due deliveries, skipping those another dispatcher holds, and leases
     * them until {@code leaseEnd}. Deliveries already claimed {@code maxAttempts} times without an
     * outcome (their dispatcher died each time) go DEAD instead, except those of listeners that
     * {@code retryUntilDelivered}.
     */
    List<Claim> claimDue(Connection connection, Instant now, int limit, Instant leaseEnd, int maxAttempts,
                         Predicate<String> retryUntilDelivered) throws SQLException {
        List<Claim> due = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT event_id, listener, attempts FROM outbox_deliveries "
                        + "WHERE status = 'PENDING' AND next_attempt_at <= ? "
                        + "ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED")) {
            select.setString(1, utc(now));
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    due.add(new Claim(rows.getString(1), rows.getString(2), rows.getInt(3) + 1));
                }
            }
        }
        List<Claim> claimed = new ArrayList<>();
        Map<String, List<String>> leasedByListener = new LinkedHashMap<>();
        for (Claim claim : due) {
            if (claim.attempt() > maxAttempts && !retryUntilDelivered.test(claim.listener())) {
                recordFailure(connection, claim, now, null,
                        "gave up: " + maxAttempts + " deliveries ended without an outcome (process died during delivery?)");
                continue;
            }
            leasedByListener.computeIfAbsent(claim.listener(), l -> new ArrayList<>()).add(claim.eventId());
            claimed.add(claim);
        }
        // one statement per listener, not one per delivery: the rows are locked by the SELECT above, so
        // attempts + 1 is each claim's attempt
        for (Map.Entry<String, List<String>> leased : leasedByListener.entrySet()) {
            for (List<String> chunk : chunks(leased.getValue())) {
                try (PreparedStatement lease = connection.prepareStatement(
                        "UPDATE outbox_deliveries SET attempts = attempts + 1, next_attempt_at = ? "
                                + "WHERE listener = ? AND event_id IN (" + marks(chunk.size()) + ")")) {
                    lease.setString(1, utc(leaseEnd));
                    lease.setString(2, leased.getKey());
                    bind(lease, 3, chunk);
                    lease.executeUpdate();
                }
            }
        }
        return claimed;
    }

    Map<String, EventRow> events(Connection connection, Collection<String> ids) throws SQLException {
        Map<String, EventRow> events = new HashMap<>();
        if (ids.isEmpty()) {
            return events;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, event_type, tenant_id, business_key, payload, occurred_at FROM outbox_events WHERE id IN ("
                        + marks(ids.size()) + ")")) {
            int i = 1;
            for (String id : ids) {
                select.setString(i++, id);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.put(rows.getString(1), new EventRow(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), SqlInstants.read(rows, 6)));
                }
            }
        }
        return events;
    }

    /** Marks the event processed by the listener; false when it already was (nothing to do again). */
    boolean markProcessed(Connection connection, String listener, String eventId, Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT IGNORE INTO processed_events (listener, event_id, processed_at) VALUES (?, ?, ?)")) {
            insert.setString(1, listener);
            insert.setString(2, eventId);
            insert.setString(3, utc(at));
            return insert.executeUpdate() == 1;
        }
    }

    /**
     * Marks the events processed by the listener, in a few statements whatever their number; returns those that
     * were not processed before (the rest must not be handled again). A mark written meanwhile by another
     * transaction (a dispatcher whose lease expired while it still ran) makes the insert fail on the key, so
     * the caller's transaction rolls back and its deliveries are retried: never handled twice. Unlike a batch of
     * {@code INSERT IGNORE}, this does not rely on the driver's per-row update counts.
     */
    Set<String> markAllProcessed(Connection connection, String listener, List<String> eventIds, Instant at)
            throws SQLException {
        Set<String> fresh = new LinkedHashSet<>(eventIds);
        for (List<String> chunk : chunks(eventIds)) {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT event_id FROM processed_events WHERE listener = ? AND event_id IN (" + marks(chunk.size()) + ")")) {
                select.setString(1, listener);
                bind(select, 2, chunk);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        fresh.remove(rows.getString(1));
                    }
                }
            }
        }
        for (List<String> chunk : chunks(List.copyOf(fresh))) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO processed_events (listener, event_id, processed_at) VALUES "
                            + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?)")))) {
                int i = 1;
                for (String eventId : chunk) {
                    insert.setString(i++, listener);
                    insert.setString(i++, eventId);
                    insert.setString(i++, utc(at));
                }
                insert.executeUpdate();
            }
        }
        return fresh;
    }

    /** Marks the listener's deliveries of these events DONE, in one statement per {@value #IN_LIST} events. */
    void markAllDone(Connection connection, String listener, List<String> eventIds, Instant at) throws SQLException {
        for (List<String> chunk : chunks(eventIds)) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE outbox_deliveries SET status = 'DONE', done_at = ?, last_error = NULL "
                            + "WHERE listener = ? AND event_id IN (" + marks(chunk.size()) + ")")) {
                update.setString(1, utc(at));
                update.setString(2, listener);
                bind(update, 3, chunk);
                update.executeUpdate();
            }
        }
    }

    void markDone(Connection connection, Claim claim, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_deliveries SET status = 'DONE', done_at = ?, last_error = NULL "
                        + "WHERE event_id = ? AND listener = ?")) {
            update.setString(1, utc(at));
            update.setString(2, claim.eventId());
            update.setString(3, claim.listener());
            update.executeUpdate();
        }
    }

    /**
     * Records a failed attempt: due again at {@code retryAt}, or DEAD when that is {@code null}.
     * Only a PENDING delivery changes, so a late failure never undoes another dispatcher's success.
     */
    void recordFailure(Connection connection, Claim claim, Instant now, @Nullable Instant retryAt, String error)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_deliveries SET status = ?, next_attempt_at = ?, last_error = ? "
                        + "WHERE event_id = ? AND listener = ? AND status = 'PENDING'")) {
            update.setString(1, (retryAt == null ? DeliveryStatus.DEAD : DeliveryStatus.PENDING).name());
            update.setString(2, utc(retryAt == null ? now : retryAt));
            update.setString(3, error.length() > 2000 ? error.substring(0, 2000) : error);
            update.setString(4, claim.eventId());
            update.setString(5, claim.listener());
            update.executeUpdate();
        }
    }

    /** At most this many ids in one {@code IN (...)} list or multi-row insert. */
    static final int IN_LIST = 500;

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + IN_LIST)));
        }
        return chunks;
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static void bind(PreparedStatement statement, int first, List<String> values) throws SQLException {
        int i = first;
        for (String value : values) {
            statement.setString(i++, value);
        }
    }

    private static String utc(Instant instant) {
        return SqlInstants.text(instant);
    }
}
