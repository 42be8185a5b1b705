package io.vitrine.catalog.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.testing.SqlProbe;
import io.vitrine.kernel.time.UtcDatetimeText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Per-test data written straight into the tables (testing.md: fixtures in SQL, not new contexts): a park with
 * bonded warehouses, a merchant of it, its stores and products. Every name is unique, so tests sharing a context
 * never meet.
 */
public final class CatalogFixtures {

    private final SqlProbe probe;
    private final TransactionOperations<Connection> transactions;

    @SuppressWarnings("unchecked")
    public CatalogFixtures(ApplicationContext context) {
        this.transactions = context.getBean(TransactionOperations.class);
        this.probe = new SqlProbe(transactions);
    }

    /** A park with the given warehouses and one merchant in it. */
    public Merchant merchantInParkWith(String... warehouseCodes) {
        String park = tenant(null);
        for (String code : warehouseCodes) {
            update("INSERT INTO bonded_warehouses (id, park_id, code, name, ems_no, customs_code, area_code, operator_uscc, "
                    + "created_at) VALUES (?, ?, ?, 'bonded', 'T5349W1', '5349', '5349W', ?, ?)",
                    id(), park, code, uscc(), now());
        }
        return new Merchant(TenantId.of(tenant(park)), park);
    }

    /** One more bonded warehouse in the merchant's park. */
    public void bondedWarehouse(Merchant merchant, String code) {
        update("INSERT INTO bonded_warehouses (id, park_id, code, name, ems_no, customs_code, area_code, operator_uscc, "
                + "created_at) VALUES (?, ?, ?, 'bonded', 'T5349W1', '5349', '5349W', ?, ?)",
                id(), merchant.parkId(), code, uscc(), now());
    }

    public int stockRows(Merchant merchant, String sku) {
        return probe.count("SELECT COUNT(*) FROM stock_levels WHERE tenant_id = ? AND sku = ?", merchant.tenant().value(), sku);
    }

    public int ledgerLines(Merchant merchant, String sku) {
        return probe.count("SELECT COUNT(*) FROM stock_ledger WHERE tenant_id = ? AND sku = ?", merchant.tenant().value(), sku);
    }

    public int assortmentRows(Merchant merchant, String sku) {
        return probe.count("SELECT COUNT(*) FROM store_assortment_skus WHERE tenant_id = ? AND sku = ?",
                merchant.tenant().value(), sku);
    }

    /** The store's SKUs as the table holds them, in SKU order. */
    public java.util.List<String> assortedSkus(Merchant merchant, String storeCode) {
        return probe.strings("SELECT sku FROM store_assortment_skus WHERE tenant_id = ? AND store_code = ? ORDER BY sku",
                merchant.tenant().value(), storeCode);
    }

    /** The count the store's assortment row keeps. */
    public int assortmentCount(Merchant merchant, String storeCode) {
        return probe.count("SELECT sku_count FROM store_assortments WHERE tenant_id = ? AND store_code = ?",
                merchant.tenant().value(), storeCode);
    }

    /** Payloads of the events of a type published for a tenant, oldest first (ids are time-ordered). */
    public java.util.List<String> eventPayloads(TenantId tenant, String type) {
        return probe.strings("SELECT payload FROM outbox_events WHERE tenant_id = ? AND event_type = ? ORDER BY id",
                tenant.value(), type);
    }

    /** Another merchant of the same park: it shares the park's warehouses. */
    public Merchant neighbourOf(Merchant merchant) {
        return new Merchant(TenantId.of(tenant(merchant.parkId())), merchant.parkId());
    }

    public void store(Merchant merchant, String code, String warehouseCode) {
        String now = now();
        update("INSERT INTO stores (id, tenant_id, code, name, kind, address, district_code, warehouse_code, created_at, "
                + "updated_at) VALUES (?, ?, ?, 'store', 'CONVENIENCE_STORE', 'x', '440305', ?, ?, ?)",
                id(), merchant.tenant().value(), code, warehouseCode, now, now);
    }

    public void product(Merchant merchant, String sku, String warehouseCode) {
        String now = now();
        update("INSERT INTO products (id, tenant_id, sku, name_zh, brand, category_path, hs_code, origin_country, unit, "
                + "unit1, qty1_per_unit, gross_weight_kg, net_weight_kg, vat_rate, consumption_tax_rate, trade_mode, "
                + "warehouse_code, price_fen, image_ids, created_at, updated_at) VALUES (?, ?, ?, CONCAT('奶粉 ', ?), 'a2', "
                + "'母婴/奶粉', '1901101000', '601', '122', '035', 0.9, 1.2, 0.9, 0.13, 0, '1210', ?, 29900, '', ?, ?)",
                id(), merchant.tenant().value(), sku, sku, warehouseCode, now, now);
    }

    /** Lists these images on the product, as a product update would (without its event). */
    public void showImages(Merchant merchant, String sku, String... imageIds) {
        update("UPDATE products SET image_ids = ? WHERE tenant_id = ? AND sku = ?", String.join(",", imageIds),
                merchant.tenant().value(), sku);
    }

    /** Events of a type published for a tenant (polling is off in these contexts: they stay in the table). */
    public int events(TenantId tenant, String type) {
        return probe.count("SELECT COUNT(*) FROM outbox_events WHERE tenant_id = ? AND event_type = ?", tenant.value(), type);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private String tenant(String parkId) {
        String id = id();
        String slug = "t" + id.substring(0, 8) + id.substring(9, 13);
        update("INSERT INTO tenants (id, kind, slug, name, legal_name, uscc, customs_code, park_id, status, created_at) "
                + "VALUES (?, ?, ?, 'tenant', 'tenant', ?, '5349960001', ?, 'ACTIVE', ?)",
                id, parkId == null ? "PARK" : "RETAILER", slug, uscc(), parkId, now());
        return id;
    }

    private void update(String sql, Object... values) {
        transactions.executeWrite(status -> {
            try (PreparedStatement s = status.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    s.setObject(i + 1, values[i]);
                }
                return s.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        });
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    /** Unique per call; the tables keep USCCs unique, nothing here checks the check character. */
    private static String uscc() {
        StringBuilder code = new StringBuilder("91");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (code.length() < 18) {
            code.append("0123456789ABCDEFGHJKLMNPQRTUWXY".charAt(random.nextInt(31)));
        }
        return code.toString();
    }

    private static String now() {
        return UtcDatetimeText.format(Instant.now());
    }

    /** A merchant tenant and the park it belongs to. */
    public record Merchant(TenantId tenant, String parkId) {
    }
}
