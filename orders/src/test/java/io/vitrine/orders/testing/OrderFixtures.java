package io.vitrine.orders.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.catalog.positivelist.PositiveList;
import io.vitrine.kernel.tabular.TabularFormat;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.testing.SqlProbe;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.settings.Settings;
import io.vitrine.tenants.settings.SettingsForm;
import io.vitrine.tools.fakealipay.FakeAlipay;
import io.vitrine.tools.fakealipay.RsaKeys;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A shop to order from, written straight into the tables (testing.md): a store served by a bonded warehouse, its
 * products with stock and in the store's assortment, and its Alipay app registered with the fake gateway and saved
 * through {@link Settings}. The positive list holds the products' HS code {@value #LISTED_HS_CODE}.
 */
public final class OrderFixtures {

    public static final String LISTED_HS_CODE = "1901101000";
    public static final String UNLISTED_HS_CODE = "9503008900";
    private static final AtomicLong APP_IDS = new AtomicLong(2021000000500000L + System.nanoTime() % 100000 * 10);

    private final ApplicationContext context;
    private final FakeAlipay fake;
    private final SqlProbe probe;
    private final TransactionOperations<Connection> transactions;

    @SuppressWarnings("unchecked")
    public OrderFixtures(ApplicationContext context, FakeAlipay fake) {
        this.context = context;
        this.fake = fake;
        this.transactions = context.getBean(TransactionOperations.class);
        this.probe = probe();
        ensurePositiveList();
    }

    /** A shop with one store ({@code S1}, warehouse {@code W1}) paying through its own Alipay app. */
    public Shop shop() {
        TenantId tenant = TenantId.of(UUID.randomUUID().toString());
        String appId = String.valueOf(APP_IDS.incrementAndGet());
        KeyPair keys = RsaKeys.generate();
        fake.registerApp(appId, RsaKeys.publicKeyText(keys));
        Settings settings = context.getBean(Settings.class);
        TenantContext.runAs(tenant, () -> settings.replace(Actor.system(), new SettingsForm(appId,
                RsaKeys.privateKeyText(keys), fake.alipayPublicKey(), null, null, null, null, null, null, null, null,
                null)));
        update("INSERT INTO stores (id, tenant_id, code, name, kind, address, district_code, warehouse_code, created_at, "
                + "updated_at) VALUES (?, ?, 'S1', 'store', 'CONVENIENCE_STORE', 'x', '440305', 'W1', ?, ?)",
                id(), tenant.value(), now(), now());
        update("INSERT INTO store_assortments (id, tenant_id, store_code, sku_count, updated_at, updated_by) "
                + "VALUES (?, ?, 'S1', 0, ?, 'test')", id(), tenant.value(), now());
        return new Shop(tenant, "S1", "W1");
    }

    /** A product of the shop at this price (fen), trade mode ("1210", "GENERAL"…) and HS code, with stock. */
    public String product(Shop shop, long priceFen, String tradeMode, String hsCode, long stock) {
        String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String now = now();
        update("INSERT INTO products (id, tenant_id, sku, name_zh, brand, category_path, hs_code, origin_country, unit, "
                + "unit1, qty1_per_unit, gross_weight_kg, net_weight_kg, vat_rate, consumption_tax_rate, trade_mode, "
                + "warehouse_code, price_fen, image_ids, created_at, updated_at) VALUES (?, ?, ?, '奶粉', 'a2', "
                + "'母婴/奶粉', ?, '601', '122', '035', 0.9, 1.2, 0.9, 0.13, 0, ?, ?, ?, '', ?, ?)",
                id(), shop.tenant().value(), sku, hsCode, tradeMode, shop.warehouse(), priceFen, now, now);
        update("INSERT INTO store_assortment_skus (id, tenant_id, store_code, sku, added_at) VALUES (?, ?, ?, ?, ?)",
                id(), shop.tenant().value(), shop.store(), sku, now);
        update("INSERT INTO stock_levels (id, tenant_id, warehouse_code, sku, on_hand, reserved, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, 0, ?)", id(), shop.tenant().value(), shop.warehouse(), sku, stock, now);
        return sku;
    }

    public String product(Shop shop, long priceFen, long stock) {
        return product(shop, priceFen, "1210", LISTED_HS_CODE, stock);
    }

    public long onHand(Shop shop, String sku) {
        return probe.count("SELECT on_hand FROM stock_levels WHERE tenant_id = ? AND sku = ?", shop.tenant().value(), sku);
    }

    public long reserved(Shop shop, String sku) {
        return probe.count("SELECT reserved FROM stock_levels WHERE tenant_id = ? AND sku = ?", shop.tenant().value(),
                sku);
    }

    public void execute(String sql, String... values) {
        update(sql, (Object[]) values);
    }

    public int count(String sql, String... parameters) {
        return probe.count(sql, parameters);
    }

    public java.util.List<String> strings(String sql, String... parameters) {
        return probe.strings(sql, parameters);
    }

    private void ensurePositiveList() {
        PositiveList list = context.getBean(PositiveList.class);
        if (list.find(io.vitrine.kernel.codes.HsCode.parse(LISTED_HS_CODE)).isEmpty()) {
            list.replace(Actor.staff("fixtures", "fixtures", io.vitrine.tenants.access.StaffRole.PLATFORM_ADMIN, null),
                    new ByteArrayInputStream(("hsCode\n" + LISTED_HS_CODE + "\n")
                    .getBytes(StandardCharsets.UTF_8)), TabularFormat.CSV);
        }
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

    private SqlProbe probe() {
        return new SqlProbe(transactions);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static String now() {
        return LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC).toString().replace('T', ' ');
    }

    /** A shop: its tenant, its store and the warehouse serving it. */
    public record Shop(TenantId tenant, String store, String warehouse) {
    }
}
