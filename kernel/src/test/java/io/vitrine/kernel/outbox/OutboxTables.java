package io.vitrine.kernel.outbox;

import io.vitrine.kernel.testing.SqlProbe;
import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** What the outbox tests read back from the database. */
final class OutboxTables extends SqlProbe {

    record Delivery(String status, int attempts, String lastError) {
    }


    OutboxTables(TransactionOperations<Connection> transactions) {
        super(transactions);
    }

    int effects(String listener, String eventId) {
        return count("SELECT COUNT(*) FROM test_outbox_effects WHERE listener = ? AND event_id = ?", listener, eventId);
    }

    int effectsWithBusinessKeyPrefix(String prefix) {
        return count("SELECT COUNT(*) FROM test_outbox_effects WHERE business_key LIKE ?", prefix + "%");
    }

    int eventsWithBusinessKeyPrefix(String prefix) {
        return count("SELECT COUNT(*) FROM outbox_events WHERE business_key LIKE ?", prefix + "%");
    }

    List<String> eventIdsWithBusinessKeyPrefix(String prefix) {
        return strings("SELECT id FROM outbox_events WHERE business_key LIKE ? ORDER BY business_key", prefix + "%");
    }

    String effectColumn(String column, String listener, String eventId) {
        List<String> values = strings("SELECT " + column + " FROM test_outbox_effects WHERE listener = ? AND event_id = ?",
                listener, eventId);
        return values.isEmpty() ? "(no effect)" : values.get(0);
    }

    Delivery delivery(String eventId, String listener) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT status, attempts, last_error FROM outbox_deliveries WHERE event_id = ? AND listener = ?")) {
                select.setString(1, eventId);
                select.setString(2, listener);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? new Delivery(row.getString(1), row.getInt(2), row.getString(3)) : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    int deliveriesOf(List<String> eventIds, String status) {
        int total = 0;
        for (String id : eventIds) {
            total += count("SELECT COUNT(*) FROM outbox_deliveries WHERE event_id = ? AND status = ?", id, status);
        }
        return total;
    }

    /** Locks the deliveries of these events in the caller's transaction, as a dispatcher's claim does. */
    void lockDeliveries(Connection connection, List<String> eventIds) {
        for (String id : eventIds) {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT listener FROM outbox_deliveries WHERE event_id = ? FOR UPDATE")) {
                select.setString(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        rows.getString(1);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Makes a finished delivery due again, as if its outcome had been lost. */
    void makeDueAgain(String eventId, String listener, Instant now) {
        transactions.executeWrite(status -> {
            try (PreparedStatement update = status.getConnection().prepareStatement(
                    "UPDATE outbox_deliveries SET status = 'PENDING', next_attempt_at = ? WHERE event_id = ? AND listener = ?")) {
                update.setString(1, java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS")
                        .format(LocalDateTime.ofInstant(now.truncatedTo(java.time.temporal.ChronoUnit.MICROS), ZoneOffset.UTC)));
                update.setString(2, eventId);
                update.setString(3, listener);
                return update.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** As if the delivery had been claimed {@code attempts} times by dispatchers that died: due now, no outcome. */
    void leaseLostAfter(String eventId, String listener, int attempts, Instant now) {
        makeDueAgain(eventId, listener, now);
        transactions.executeWrite(status -> {
            try (PreparedStatement update = status.getConnection().prepareStatement(
                    "UPDATE outbox_deliveries SET attempts = ? WHERE event_id = ? AND listener = ?")) {
                update.setInt(1, attempts);
                update.setString(2, eventId);
                update.setString(3, listener);
                return update.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
