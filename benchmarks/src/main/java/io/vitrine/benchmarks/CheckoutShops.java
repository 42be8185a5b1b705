package io.vitrine.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The checkout benchmark's shops: {@code shops} retailers of the bench park, each with store {@value #STORE} at the
 * park's bonded warehouse showing all its {@code products} bonded (1210) formula and health products, every one with
 * {@value #ON_HAND} units in stock and its HS code on the positive list. Written straight into the tables before the
 * application starts (as the search benchmark does); the shops' Alipay apps are set later through the API
 * ({@link CheckoutBenchmark}), since the application encrypts them.
 */
final class CheckoutShops {

    static final String STORE = "S001";
    static final long ON_HAND = 1_000_000;

    /** Formula, milk powder and supplements: on the positive list, bonded, different HS codes. */
    private static final String[][] KINDS = {
            {"母婴/奶粉/婴儿奶粉", "婴儿配方奶粉", "Infant Formula", "1901101000"},
            {"母婴/奶粉/成人奶粉", "全脂高钙奶粉", "Full Cream Milk Powder", "0402210000"},
            {"保健/营养/鱼油", "深海鱼油软胶囊", "Fish Oil Capsules", "2106909090"},
    };

    record Shop(String tenant, String slug, List<String> skus) {
    }

    private CheckoutShops() {
    }

    static List<Shop> create(BenchDatabase database, int shops, int products) {
        String now = timestamp(Instant.now());
        database.inTransaction(connection -> {
            for (String[] kind : KINDS) {
                insert(connection, "positive_list", "hs_code, description, note", new Object[]{kind[3], kind[2], "bench"});
            }
            insert(connection, "positive_list_imports", "id, entry_count, imported_by, imported_at",
                    new Object[]{UUID.randomUUID().toString(), KINDS.length, "bench", now});
            return null;
        });
        List<Shop> created = new ArrayList<>();
        for (int s = 0; s < shops; s++) {
            String tenant = database.newMerchant();
            created.add(fill(database, tenant, database.slugOf(tenant), s, products, now));
        }
        return created;
    }

    private static Shop fill(BenchDatabase database, String tenant, String slug, int s, int products, String now) {
        List<String> skus = new ArrayList<>();
        database.inTransaction(connection -> {
            insert(connection, "stores", "id, tenant_id, code, name, kind, address, district_code, warehouse_code, created_at, "
                    + "updated_at", new Object[]{UUID.randomUUID().toString(), tenant, STORE, "体验店 " + slug,
                    "EXPERIENCE_STORE", "厦门市湖里区象屿路 1 号", "350206", BenchDatabase.WAREHOUSE, now, now});
            insert(connection, "store_assortments", "id, tenant_id, store_code, sku_count, updated_at, updated_by",
                    new Object[]{UUID.randomUUID().toString(), tenant, STORE, products, now, "bench"});
            for (int n = 0; n < products; n++) {
                String[] kind = KINDS[n % KINDS.length];
                String sku = String.format(Locale.ROOT, "C%02d-%04d", s, n);
                long price = 5_900 + (n * 2_000L) % 24_000;
                insert(connection, "products", "id, tenant_id, sku, gtin, name_zh, name_en, brand, category_path, hs_code, "
                        + "item_record_no, origin_country, unit, unit1, qty1_per_unit, gross_weight_kg, net_weight_kg, vat_rate, "
                        + "consumption_tax_rate, trade_mode, warehouse_code, price_fen, image_ids, description_zh, description_en, "
                        + "created_at, updated_at", new Object[]{UUID.randomUUID().toString(), tenant, sku,
                        SearchCatalog.ean13(String.format(Locale.ROOT, "68%02d%08d", s, n)), "爱他美" + kind[1] + " " + n,
                        "Aptamil " + kind[2] + " " + n, "爱他美", kind[0], kind[3], "BR" + sku, "304", "122", "035",
                        "0.80000", "1.00000", "0.90000", "0.130000", "0.000000", "1210", BenchDatabase.WAREHOUSE, price, "",
                        kind[1], kind[2], now, now});
                insert(connection, "stock_levels", "id, tenant_id, warehouse_code, sku, on_hand, reserved, updated_at",
                        new Object[]{UUID.randomUUID().toString(), tenant, BenchDatabase.WAREHOUSE, sku, ON_HAND, 0, now});
                insert(connection, "store_assortment_skus", "id, tenant_id, store_code, sku, added_at",
                        new Object[]{UUID.randomUUID().toString(), tenant, STORE, sku, now});
                skus.add(sku);
            }
            return null;
        });
        return new Shop(tenant, slug, List.copyOf(skus));
    }

    private static void insert(Connection connection, String table, String columns, Object[] row) throws SQLException {
        String marks = "?, ".repeat(row.length - 1) + "?";
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES ("
                + marks + ")")) {
            for (int i = 0; i < row.length; i++) {
                statement.setObject(i + 1, row[i]);
            }
            statement.executeUpdate();
        }
    }

    private static String timestamp(Instant instant) {
        return instant.toString().replace('T', ' ').replace("Z", "");
    }
}
