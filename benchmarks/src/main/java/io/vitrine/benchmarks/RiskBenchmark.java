package io.vitrine.benchmarks;

import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.catalog.positivelist.PositiveList;
import io.vitrine.customs.declaration.DeclarationScreening;
import io.vitrine.kernel.codes.HsCode;
import io.vitrine.kernel.tabular.TabularFormat;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.infra.SqlInstants;
import io.vitrine.orders.carts.Carts;
import io.vitrine.orders.compliance.CheckoutFacts;
import io.vitrine.orders.ordering.Order;
import io.vitrine.orders.ordering.OrderPayments;
import io.vitrine.orders.ordering.OrderPlacement;
import io.vitrine.orders.ordering.PaymentFacts;
import io.vitrine.orders.ordering.PlaceOrder;
import io.vitrine.orders.payment.TradeStatus;
import io.vitrine.oversight.risk.RiskRule;
import io.vitrine.oversight.risk.RiskRuleBook;
import io.vitrine.oversight.risk.RuleSettings;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;
import io.vitrine.tenants.settings.Settings;
import io.vitrine.tenants.settings.SettingsForm;
import io.vitrine.tools.fakealipay.FakeAlipay;
import io.vitrine.tools.fakealipay.RsaKeys;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Risk evaluation cost per order (issue #9 "Measure"), not JMH, on MariaDB, in-process: the screening a paid order
 * goes through before its declaration ({@code DeclarationScreening}: the history row, the park's rules, a hold when
 * one flags) against the floor measured in the same run on the same orders, placing the order
 * ({@code OrderPlacement.place}: compliance, pricing, stock and quota, the Alipay precreate on the fake gateway over
 * loopback). Each order is placed, paid, then screened, one after the other, so both see the same machine. The
 * screening history is filled first with {@value #HISTORY} orders of {@value #BUYERS} buyers over the past week, so
 * the rules' counts read real index ranges. Two screenings: every rule on (the defaults' figures) and every rule off
 * (the history row only, what every paid order costs whatever the park decides), in that order: the runs' own
 * orders are a sales spike for the store, which a rules-on run after the other would (rightly) hold.
 */
final class RiskBenchmark {

    static final int HISTORY = 50_000;
    static final int BUYERS = 5_000;
    static final int WARMUP = 60;
    static final int ORDERS = 300;

    private RiskBenchmark() {
    }

    static String report(String machine) throws Exception {
        try (FakeAlipay fake = FakeAlipay.start();
             BenchDatabase db = BenchDatabase.start("mariadb", Map.<String, Object>of(
                     "vitrine.payments.alipay.gateway-url", fake.gatewayUrl().toString(),
                     "vitrine.payments.alipay.notify-url", "http://127.0.0.1:9/notify",
                     "vitrine.orders.close-enabled", false,
                     "vitrine.orders.payment-query.enabled", false,
                     "vitrine.payments.alipay.reconciliation.daily-enabled", false))) {
            TenantId tenant = TenantId.of(db.newMerchant());
            String sku = shop(db, fake, tenant);
            fillHistory(db, tenant);
            RiskRuleBook book = db.context().getBean(RiskRuleBook.class);
            Actor parkAdmin = Actor.staff("bench-park-admin", "bench", StaffRole.PARK_ADMIN, TenantId.of(db.parkId()));
            // rules on first: the runs' own orders are a real spike for the store (hundreds in minutes against its
            // usual ~100 an hour), which SALES_SPIKE would rightly hold in a run after another
            book.update(parkAdmin, Arrays.stream(RiskRule.values()).map(r -> {
                RuleSettings d = r.defaults();
                return new RuleSettings(r, true, d.threshold(), d.windowHours(), d.ratioPercent());
            }).toList());
            Run on = run(db, tenant, sku, "on");
            book.update(parkAdmin, Arrays.stream(RiskRule.values()).map(RiskRule::defaults).toList());
            Run off = run(db, tenant, sku, "off");
            return markdown(machine, off, on);
        }
    }

    /** Each order's placement and screening times (ms), the warm-up left out, and how many were held. */
    private record Run(List<Double> placeMillis, List<Double> screenMillis, int held) {
    }

    private static Run run(BenchDatabase db, TenantId tenant, String sku, String label) {
        Carts carts = db.context().getBean(Carts.class);
        OrderPlacement placement = db.context().getBean(OrderPlacement.class);
        OrderPayments payments = db.context().getBean(OrderPayments.class);
        DeclarationScreening screening = db.context().getBean(DeclarationScreening.class);
        TransactionOperations<Connection> transactions = transactions(db);
        List<Double> place = new ArrayList<>();
        List<Double> screen = new ArrayList<>();
        int held = 0;
        Random random = new Random(label.hashCode());
        for (int i = 0; i < WARMUP + ORDERS; i++) {
            String buyer = idNumber(random);
            String cartId = TenantContext.callAs(tenant, () -> {
                String id = carts.create("S001").cart().id();
                carts.setQuantity(id, sku, BigDecimal.ONE);
                return id;
            });
            long t0 = System.nanoTime();
            Order order = TenantContext.callAs(tenant, () -> placement.place(new PlaceOrder(cartId, "S001",
                    new CheckoutFacts.Buyer("王五", buyer, "13900139000"),
                    new PlaceOrder.Consignee("王五", "139" + String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000)),
                            "440305", "广东省深圳市南山区科技园" + random.nextInt(100_000) + "号"), true, "ALIPAY_QR", null,
                    URI.create("http://bench.test/orders/")))).order();
            long t1 = System.nanoTime();
            TenantContext.callAs(tenant, () -> payments.pay(new PaymentFacts(order.orderNo(), "T" + order.orderNo(),
                    order.amounts().total(), TradeStatus.TRADE_SUCCESS, null)));
            long t2 = System.nanoTime();
            DeclarationScreening.Verdict verdict = TenantContext.callAs(tenant, () -> transactions.executeWrite(
                    status -> screening.screen(tenant, order.orderNo())));
            long t3 = System.nanoTime();
            if (i >= WARMUP) {
                place.add((t1 - t0) / 1e6);
                screen.add((t3 - t2) / 1e6);
                held += verdict == DeclarationScreening.Verdict.HOLD ? 1 : 0;
            }
        }
        return new Run(place, screen, held);
    }

    /** A store S001 with one bonded product on the positive list, stocked, and the shop's Alipay app on the fake. */
    private static String shop(BenchDatabase db, FakeAlipay fake, TenantId tenant) throws Exception {
        String now = SqlInstants.text(Instant.now());
        String hs = "1901101000";
        PositiveList list = db.context().getBean(PositiveList.class);
        if (list.find(HsCode.parse(hs)).isEmpty()) {
            list.replace(Actor.staff("bench", "bench", StaffRole.PLATFORM_ADMIN, null),
                    new ByteArrayInputStream(("hsCode\n" + hs + "\n").getBytes(StandardCharsets.UTF_8)),
                    TabularFormat.CSV);
        }
        String appId = "2021000" + (100_000_000 + new Random().nextInt(800_000_000));
        KeyPair keys = RsaKeys.generate();
        fake.registerApp(appId, RsaKeys.publicKeyText(keys));
        Settings settings = db.context().getBean(Settings.class);
        TenantContext.runAs(tenant, () -> settings.replace(Actor.system(), new SettingsForm(appId,
                RsaKeys.privateKeyText(keys), fake.alipayPublicKey(), null, null, null, null, null, null, null, null,
                null)));
        db.sql("INSERT INTO stores (id, tenant_id, code, name, kind, address, district_code, warehouse_code, created_at, "
                + "updated_at) VALUES (?, ?, 'S001', 'bench store', 'CONVENIENCE_STORE', 'x', '440305', ?, ?, ?)",
                UUID.randomUUID().toString(), tenant.value(), BenchDatabase.WAREHOUSE, now, now);
        db.sql("INSERT INTO store_assortments (id, tenant_id, store_code, sku_count, updated_at, updated_by) "
                + "VALUES (?, ?, 'S001', 1, ?, 'bench')", UUID.randomUUID().toString(), tenant.value(), now);
        String sku = "RISK-A2";
        db.sql("INSERT INTO products (id, tenant_id, sku, name_zh, brand, category_path, hs_code, origin_country, unit, "
                + "unit1, qty1_per_unit, gross_weight_kg, net_weight_kg, vat_rate, consumption_tax_rate, trade_mode, "
                + "warehouse_code, price_fen, image_ids, created_at, updated_at) VALUES (?, ?, ?, '奶粉', 'a2', "
                + "'母婴/奶粉', ?, '601', '122', '035', 0.9, 1.2, 0.9, 0.13, 0, '1210', ?, 19900, '', ?, ?)",
                UUID.randomUUID().toString(), tenant.value(), sku, hs, BenchDatabase.WAREHOUSE, now, now);
        db.sql("INSERT INTO store_assortment_skus (id, tenant_id, store_code, sku, added_at) VALUES (?, ?, 'S001', ?, ?)",
                UUID.randomUUID().toString(), tenant.value(), sku, now);
        db.sql("INSERT INTO stock_levels (id, tenant_id, warehouse_code, sku, on_hand, reserved, updated_at) "
                + "VALUES (?, ?, ?, ?, 1000000, 0, ?)", UUID.randomUUID().toString(), tenant.value(),
                BenchDatabase.WAREHOUSE, sku, now);
        return sku;
    }

    /** {@value #HISTORY} screened orders of the park over the past week, in batches. */
    private static void fillHistory(BenchDatabase db, TenantId tenant) {
        Random random = new Random(9);
        Instant now = Instant.now();
        for (int start = 0; start < HISTORY; start += 1000) {
            int from = start;
            db.inTransaction(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO risk_screenings (order_no, "
                        + "tenant_id, scope_id, store_code, buyer_id_index, consignee_phone_index, "
                        + "consignee_address_index, price_fen, paid_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (int i = from; i < from + 1000; i++) {
                        insert.setString(1, "HIST" + i);
                        insert.setString(2, tenant.value());
                        insert.setString(3, db.parkId());
                        insert.setString(4, "S00" + (i % 3 + 1));
                        insert.setString(5, "buyer-" + random.nextInt(BUYERS));
                        insert.setString(6, "phone-" + random.nextInt(BUYERS));
                        insert.setString(7, "address-" + random.nextInt(BUYERS));
                        insert.setLong(8, 10_000 + random.nextInt(490_000));
                        insert.setString(9, SqlInstants.text(now.minus(random.nextInt(7 * 24 * 60), ChronoUnit.MINUTES)));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                return null;
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static TransactionOperations<Connection> transactions(BenchDatabase db) {
        return db.context().getBean(Argument.of(TransactionOperations.class, Connection.class));
    }

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    /** A valid mainland ID number (GB 11643 check character). */
    private static String idNumber(Random random) {
        String body = String.format(Locale.ROOT, "110105%04d%02d%02d%03d", 1950 + random.nextInt(50),
                1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(1000));
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    private static String markdown(String machine, Run off, Run on) {
        StringBuilder out = new StringBuilder();
        out.append("# risk\n\n")
                .append("Risk evaluation cost per paid order (issue #9), in-process on MariaDB: the screening before the "
                        + "declaration against the floor measured in the same run on the same orders, placing the order "
                        + "(compliance, pricing, stock and quota reservation, the Alipay precreate on the fake gateway over "
                        + "loopback). ").append(ORDERS).append(" orders per row after ").append(WARMUP)
                .append(" warm-up orders; screening history of ").append(HISTORY).append(" orders of ").append(BUYERS)
                .append(" buyers over the past week. ").append(machine).append(".\n\n")
                .append("| what | median ms | p90 ms | ratio to placement (median) | held |\n")
                .append("|---|---:|---:|---:|---:|\n");
        line(out, "placement (floor), rules off run", off.placeMillis(), off.placeMillis(), "");
        line(out, "screening, every rule off (history row only)", off.screenMillis(), off.placeMillis(),
                String.valueOf(off.held()));
        line(out, "placement (floor), rules on run", on.placeMillis(), on.placeMillis(), "");
        line(out, "screening, all five rules on (default figures)", on.screenMillis(), on.placeMillis(),
                String.valueOf(on.held()));
        return out.append('\n').toString();
    }

    private static void line(StringBuilder out, String what, List<Double> values, List<Double> floor, String held) {
        out.append("| ").append(what).append(" | ").append(fmt(quantile(values, 0.5))).append(" | ")
                .append(fmt(quantile(values, 0.9))).append(" | ")
                .append(String.format(Locale.ROOT, "%.3f", quantile(values, 0.5) / quantile(floor, 0.5)))
                .append(" | ").append(held).append(" |\n");
    }

    private static double quantile(List<Double> values, double q) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(q * sorted.size())));
    }

    private static String fmt(double ms) {
        return String.format(Locale.ROOT, "%.2f", ms);
    }
}
