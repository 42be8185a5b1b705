package io.vitrine.pos.events.infra;

import io.vitrine.pos.events.EventLedger;
import io.vitrine.pos.events.IngestingDevice;
import io.vitrine.pos.events.PosEvent;
import io.vitrine.pos.infra.PosSql;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.pos.events.EventType;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link EventLedger} on the {@code pos_events} table (V40). */
@Singleton
class JdbcEventLedger implements EventLedger {

    private static final String INSERT = "INSERT INTO pos_events (tenant_id, device_key, event_id, store_code, "
            + "event_type, occurred_at, received_at, payload_hash, receipt_no) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final PosSql sql;

    JdbcEventLedger(PosSql sql) {
        this.sql = sql;
    }

    @Override
    public Map<String, String> recorded(IngestingDevice device, Collection<String> eventIds) {
        Map<String, String> hashes = new HashMap<>();
        if (eventIds.isEmpty()) {
            return hashes;
        }
        List<Object> values = new ArrayList<>();
        values.add(device.tenant().value());
        values.add(device.deviceKey());
        values.addAll(eventIds);
        sql.query("SELECT event_id, payload_hash FROM pos_events WHERE tenant_id = ? AND device_key = ? "
                        + "AND event_id IN (" + PosSql.marks(eventIds.size()) + ")",
                row -> hashes.put(row.getString(1), row.getString(2)), values);
        return hashes;
    }

    @Override
    public void record(IngestingDevice device, List<PosEvent> events, Instant receivedAt) {
        List<List<?>> rows = new ArrayList<>(events.size());
        for (PosEvent event : events) {
            rows.add(java.util.Arrays.asList(device.tenant().value(), device.deviceKey(), event.eventId(),
                    device.storeCode(), event.type().name(), event.occurredAt(), receivedAt, event.payloadHash(),
                    event.receiptNo()));
        }
        sql.batch(INSERT, rows);
    }

    /** One range of {@code ix_pos_events_type_occurred} (V54) per batch. */
    @Override
    @Transactional
    public int forget(EventType type, Instant occurredBefore, int limit) {
        return sql.execute("DELETE FROM pos_events WHERE event_type = ? AND occurred_at < ? LIMIT ?",
                List.of(type.name(), occurredBefore, limit));
    }
}
