package io.vitrine.pos.storestock.infra;

import io.vitrine.catalog.products.SkuBatches;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.infra.SqlInstants;
import io.vitrine.pos.infra.PosSql;
import io.vitrine.pos.storestock.CountMark;
import io.vitrine.pos.storestock.MovementKind;
import io.vitrine.pos.storestock.StockMovement;
import io.vitrine.pos.storestock.StoreStockLevel;
import io.vitrine.pos.storestock.StoreStockRows;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/** {@link StoreStockRows} on {@code store_stock_movements} and {@code store_stock} (V40). */
@Singleton
class JdbcStoreStockRows implements StoreStockRows {

    private static final String INSERT_MOVEMENT = "INSERT INTO store_stock_movements (tenant_id, device_key, "
            + "event_id, line_no, store_code, sku, kind, quantity, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_LEVEL = "INSERT INTO store_stock (tenant_id, store_code, sku, on_hand, "
            + "updated_at) VALUES (?, ?, ?, 0, ?)";
    private static final String RECOUNT = "UPDATE store_stock SET counted_qty = ?, counted_at = ?, counted_event = ?, "
            + "updated_at = ? WHERE tenant_id = ? AND store_code = ? AND sku = ?";
    /**
     * Each SKU's latest count and the sum of what occurred after it; a movement of the count's very instant is taken
     * as counted. A read and a batch of updates rather than one UPDATE with a correlated subquery: MariaDB ran that
     * subquery without the movements' index, over the whole table for every row (the pos-ingest benchmark found it).
     */
    private static final String SINCE_COUNT = "SELECT s.sku, s.counted_qty, SUM(m.quantity) FROM store_stock s "
            + "LEFT JOIN store_stock_movements m ON m.tenant_id = s.tenant_id AND m.store_code = s.store_code "
            + "AND m.sku = s.sku AND m.kind <> 'COUNT' AND (s.counted_at IS NULL OR m.occurred_at > s.counted_at) "
            + "WHERE s.tenant_id = ? AND s.store_code = ? AND s.sku IN (";
    private static final String SET_ON_HAND = "UPDATE store_stock SET on_hand = ?, updated_at = ? "
            + "WHERE tenant_id = ? AND store_code = ? AND sku = ?";

    private final PosSql sql;

    JdbcStoreStockRows(PosSql sql) {
        this.sql = sql;
    }

    @Override
    public void addMovements(TenantId tenant, String storeCode, List<StockMovement> movements) {
        List<List<?>> rows = new ArrayList<>(movements.size());
        for (StockMovement m : movements) {
            rows.add(Arrays.asList(tenant.value(), m.deviceKey(), m.eventId(), m.lineNo(), storeCode, m.sku(),
                    m.kind().name(), m.quantity(), m.occurredAt()));
        }
        sql.batch(INSERT_MOVEMENT, rows);
    }

    @Override
    public Map<String, Optional<CountMark>> lock(TenantId tenant, String storeCode, SortedSet<String> skus,
                                                 Instant now) {
        Map<String, Optional<CountMark>> marks = new HashMap<>();
        for (List<String> chunk : chunks(skus)) {
            sql.query("SELECT sku, counted_at, counted_event FROM store_stock WHERE tenant_id = ? AND store_code = ? "
                            + "AND sku IN (" + PosSql.marks(chunk.size()) + ") ORDER BY sku FOR UPDATE",
                    row -> {
                        Instant countedAt = SqlInstants.read(row, 2);
                        return marks.put(row.getString(1), countedAt == null ? Optional.empty()
                                : Optional.of(new CountMark(countedAt, readEvent(row.getString(3)))));
                    },
                    with(tenant, storeCode, chunk));
        }
        List<List<?>> missing = new ArrayList<>();
        for (String sku : skus) {
            if (!marks.containsKey(sku)) {
                missing.add(Arrays.asList(tenant.value(), storeCode, sku, now));
                marks.put(sku, Optional.empty());
            }
        }
        sql.batch(INSERT_LEVEL, missing);
        return marks;
    }

    @Override
    public void recount(TenantId tenant, String storeCode, Collection<StockMovement> counts, Instant now) {
        List<List<?>> rows = new ArrayList<>(counts.size());
        for (StockMovement count : counts) {
            rows.add(Arrays.asList(count.quantity(), count.occurredAt(), count.eventKey(), now, tenant.value(),
                    storeCode, count.sku()));
        }
        sql.batch(RECOUNT, rows);
    }

    @Override
    public void refresh(TenantId tenant, String storeCode, Collection<String> skus, Instant now) {
        List<List<?>> updates = new ArrayList<>();
        for (List<String> chunk : chunks(skus)) {
            sql.query(SINCE_COUNT + PosSql.marks(chunk.size()) + ") GROUP BY s.sku, s.counted_qty",
                    row -> updates.add(Arrays.asList(row.getLong(2) + row.getLong(3), now, tenant.value(), storeCode,
                            row.getString(1))),
                    with(tenant, storeCode, chunk));
        }
        sql.batch(SET_ON_HAND, updates);
    }

    @Override
    public List<StoreStockLevel> levels(TenantId tenant, String storeCode) {
        return sql.query("SELECT sku, on_hand, counted_qty, counted_at FROM store_stock WHERE tenant_id = ? "
                        + "AND store_code = ? ORDER BY sku",
                row -> new StoreStockLevel(row.getString(1), row.getLong(2),
                        row.getObject(3) == null ? null : row.getLong(3), SqlInstants.read(row, 4)),
                List.of(tenant.value(), storeCode));
    }

    @Override
    public List<StockMovement> history(TenantId tenant, String storeCode, Instant before) {
        return sql.query("SELECT device_key, event_id, line_no, sku, kind, quantity, occurred_at "
                        + "FROM store_stock_movements WHERE tenant_id = ? AND store_code = ? AND occurred_at < ? "
                        + "ORDER BY sku, occurred_at, device_key, event_id, line_no",
                row -> new StockMovement(row.getString(1), row.getString(2), row.getInt(3), row.getString(4),
                        MovementKind.valueOf(row.getString(5)), row.getLong(6), SqlInstants.read(row, 7)),
                List.of(tenant.value(), storeCode, before));
    }

    /** The event key as written; an empty string when a count row has none (it always has). */
    private static String readEvent(String eventKey) {
        return eventKey == null ? "" : eventKey;
    }

    private static List<Object> with(TenantId tenant, String storeCode, List<String> skus) {
        List<Object> values = new ArrayList<>(skus.size() + 2);
        values.add(tenant.value());
        values.add(storeCode);
        values.addAll(skus);
        return values;
    }

    private static List<List<String>> chunks(Collection<String> skus) {
        return SkuBatches.of(skus, SkuBatches.IN_LIST);
    }
}
