package io.vitrine.oversight.display;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.catalog.stock.Stock;
import io.vitrine.catalog.testing.CatalogFixtures;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.testing.SqlProbe;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.kernel.time.UtcDatetimeText;
import io.vitrine.kernel.outbox.infra.OutboxDispatcher;
import io.vitrine.pos.events.EventIngest;
import io.vitrine.pos.events.EventResult;
import io.vitrine.pos.events.IngestingDevice;
import io.vitrine.pos.storestock.MovementKind;
import io.vitrine.pos.storestock.StockMovement;
import io.vitrine.pos.storestock.StoreStock;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * A fresh park with a bonded warehouse, a retailer of it with one store served from that warehouse, and products
 * stocked there through the catalog's stock API: what every display ledger test starts from. Every name is unique,
 * so tests sharing a context never meet.
 */
final class DisplayShop {

    private final ApplicationContext context;
    private final TransactionOperations<Connection> transactions;
    private final SqlProbe probe;
    private final CatalogFixtures.Merchant merchant;
    private final String warehouse;
    private final String store;
    private final Actor admin;
    private final List<String> skus = new ArrayList<>();
    /** When the till's sales happened: one instant, so a batch sent again is the same content. */
    private final Instant tillTime = Instant.now().minusSeconds(5).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    DisplayShop(ApplicationContext context, long stockEach, int products) {
        this(context, null, null, stockEach, products);
    }

    @SuppressWarnings("unchecked")
    private DisplayShop(ApplicationContext context, CatalogFixtures.Merchant sameParkAs, String parkWarehouse,
                        long stockEach, int products) {
        this.context = context;
        this.transactions = context.getBean(TransactionOperations.class);
        this.probe = new SqlProbe(transactions);
        CatalogFixtures fixtures = new CatalogFixtures(context);
        this.warehouse = parkWarehouse == null ? CatalogFixtures.unique("W") : parkWarehouse;
        this.merchant = sameParkAs == null ? fixtures.merchantInParkWith(warehouse) : fixtures.neighbourOf(sameParkAs);
        this.store = CatalogFixtures.unique("S");
        fixtures.store(merchant, store, warehouse);
        this.admin = Actor.staff("staff-" + UUID.randomUUID(), "retail.admin", StaffRole.RETAILER_ADMIN, tenant());
        for (int i = 0; i < products; i++) {
            String sku = CatalogFixtures.unique("D" + i);
            fixtures.product(merchant, sku, warehouse);
            skus.add(sku);
            as(() -> context.getBean(Stock.class).set(admin, warehouse, sku, BigDecimal.valueOf(stockEach), "received"));
        }
    }

    /** Another retailer of the same park, with its own store and products in the same bonded warehouse. */
    DisplayShop neighbour(long stockEach, int products) {
        return new DisplayShop(context, merchant, warehouse, stockEach, products);
    }

    TenantId tenant() {
        return merchant.tenant();
    }

    TenantId park() {
        return TenantId.of(merchant.parkId());
    }

    String parkSlug() {
        return probe.strings("SELECT slug FROM tenants WHERE id = ?", merchant.parkId()).get(0);
    }

    String slug() {
        return probe.strings("SELECT slug FROM tenants WHERE id = ?", tenant().value()).get(0);
    }

    Actor parkAdmin() {
        return Actor.staff("park-" + UUID.randomUUID(), "park.admin", StaffRole.PARK_ADMIN, park());
    }

    String warehouse() {
        return warehouse;
    }

    String store() {
        return store;
    }

    Actor admin() {
        return admin;
    }

    String sku(int index) {
        return skus.get(index);
    }

    <T> T as(Callable<T> work) {
        try {
            return TenantContext.callAs(tenant(), work::call);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An account of the store, its period and guarantee ending this many days from today (China time). */
    AccountView account(int periodDays, int guaranteeDays) {
        LocalDate today = ChinaTime.today(context.getBean(Clock.class));
        return as(() -> context.getBean(DisplayAccounts.class).open(admin, new AccountForm(store, null,
                BigDecimal.valueOf(5_000_000), "BG-" + UUID.randomUUID().toString().substring(0, 8),
                today.plusDays(guaranteeDays).toString(), today.minusDays(10).toString(),
                today.plusDays(periodDays).toString())));
    }

    RecordedMovement move(String accountId, String key, String kind, String sku, long quantity, String orderNo) {
        return as(() -> context.getBean(DisplayMovements.class).record(admin, accountId,
                new MovementForm(key, kind, sku, BigDecimal.valueOf(quantity), orderNo, null)));
    }

    long onHand(String sku) {
        return probe.count("SELECT on_hand FROM stock_levels WHERE tenant_id = ? AND warehouse_code = ? AND sku = ?",
                tenant().value(), warehouse, sku);
    }

    int count(String sql, String... parameters) {
        return probe.count(sql, parameters);
    }

    /** A POS count of the store's shelf, as the event ingest records it. */
    void shelfCount(String sku, long counted, Instant at) {
        transactions.executeWrite(status -> {
            context.getBean(StoreStock.class).apply(tenant(), store, List.of(new StockMovement("dk-test",
                    "count-" + UUID.randomUUID(), 1, sku, MovementKind.COUNT, counted, at)), Instant.now());
            return null;
        });
    }

    /**
     * A SALE the store's POS sends through the event ingest (the device's batch as the till writes it, China time):
     * answers the event's status, ACCEPTED or DUPLICATE.
     */
    String tillSale(String eventId, String sku, long quantity) {
        String event = "{\"eventId\":\"" + eventId + "\",\"type\":\"SALE\",\"occurredAt\":\""
                + tillTime.atOffset(java.time.ZoneOffset.ofHours(8)) + "\",\"receiptNo\":\"R-"
                + eventId + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"qty\":" + quantity + ",\"amountFen\":"
                + quantity * 1000 + "}]}";
        List<EventResult> results = context.getBean(EventIngest.class).ingest(new IngestingDevice(tenant(),
                "dk-" + store, store), ("{\"events\":[" + event + "]}").getBytes(StandardCharsets.UTF_8));
        return results.get(0).status().name();
    }

    /** The outbox delivered as the application's poller would. */
    void dispatch() {
        context.getBean(OutboxDispatcher.class).dispatchDue();
    }

    /** An order of the store holding {@code quantity} of the SKU, in this status, written into the tables. */
    String order(String status, String sku, int quantity) {
        String id = UUID.randomUUID().toString();
        String orderNo = "V" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase(Locale.ROOT);
        String now = UtcDatetimeText.format(Instant.now());
        update("INSERT INTO orders (id, tenant_id, order_no, store_code, cart_ref, status, trade_mode, warehouse_code, "
                + "taxation, goods_value_fen, freight_fen, insurance_fen, discount_fen, tax_fen, total_fen, quota_fen, "
                + "token_hash, pay_method, payment_expires_at, placed_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, "
                + "'1210', ?, 'WITHIN_LIMITS', 29900, 0, 0, 0, 2721, 32621, 32621, ?, 'ALIPAY_QR', ?, ?, ?, 1)",
                id, tenant().value(), orderNo, store, sha(), status, warehouse, sha(), now, now, now);
        update("INSERT INTO order_lines (order_id, line_no, tenant_id, sku, name_zh, brand, hs_code, origin_country, "
                + "unit, unit1, qty1_per_unit, gross_weight_kg, net_weight_kg, trade_mode, quantity, unit_price_fen, "
                + "value_fen, dutiable_value_fen, tariff_fen, consumption_tax_fen, vat_fen) VALUES (?, 1, ?, ?, '奶粉', "
                + "'a2', '1901101000', '601', '122', '035', 0.9, 1.2, 0.9, '1210', ?, 29900, 29900, 29900, 0, 0, 2721)",
                id, tenant().value(), sku, quantity);
        return orderNo;
    }

    private static String sha() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 64);
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
}
