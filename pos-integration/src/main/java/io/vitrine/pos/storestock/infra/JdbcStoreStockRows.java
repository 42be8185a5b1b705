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
    /** The count, plus what occurred after it; a movement of the count's very instant is taken as counted. */
    private static final String REFRESH = "UPDATE store_stock SET on_hand = COALESCE(counted_qty, 0) + COALESCE(("
            + "SELECT SUM(m.quantity) FROM store_stock_movements m WHERE m.tenant_id = store_stock.tenant_id "
            + "AND m.store_code = store_stock.store_code AND m.sku = store_stock.sku AND m.kind <> 'COUNT' "
            + "AND (store_stock.counted_at IS NULL OR m.occurred_at > store_stock.counted_at)), 0), updated_at = ? "
            + "WHERE tenant_id = ? AND store_code = ? AND sku IN (";

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
        for (List<String> chunk : chunks(skus)) {
            List<Object> values = new ArrayList<>();
            values.add(now);
            values.addAll(with(tenant, storeCode, chunk));
            sql.execute(REFRESH + PosSql.marks(chunk.size()) + ")", values);
        }
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
