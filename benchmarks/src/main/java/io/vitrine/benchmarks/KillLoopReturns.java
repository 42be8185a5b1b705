package io.vitrine.benchmarks;

import io.vitrine.tools.fakealipay.FakeAlipay;
import io.vitrine.tools.fakealipay.FakeTrade;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static io.vitrine.benchmarks.CustomsPark.connect;
import static io.vitrine.benchmarks.CustomsPark.countsBy;

/**
 * The returns of the {@code kill-loop} traffic, driven as {@link ReturnsBenchmark} drives them (the shopper asks with
 * the order's token to return the whole first line of an order of two or more lines, the retailer admin approves,
 * customs sends the CEB625 and the simulator accepts it, the warehouse partner posts the goods received, the refund goes to the
 * fake Alipay) but from what the database shows, every {@link #step}: whatever a kill interrupted is simply seen again
 * at the next step. An order released with no return → asked (a 422 RETURN_QUANTITY_EXCEEDED means an earlier ask
 * whose answer was lost did open it); REQUESTED → approved (409: approved already); ACCEPTED → received. Then counts,
 * per return: one return per chosen order, one CEB625 (ours and as the simulator received it), one refund row, one
 * refund at Alipay per out_request_no of the returned line's value and tax, one stock RETURN, one quota REDUCE.
 */
final class KillLoopReturns {

    private final CustomsPark park;
    private final BenchTokens tokens = new BenchTokens(CustomsPark.JWT_SECRET);
    private final Map<String, String> slugs = new HashMap<>();
    private final Map<String, CustomsPark.Partner> partners;
    private final int every;
    private final AtomicInteger offered = new AtomicInteger();
    /** order number → its checkout (token, lines): the orders whose first line is to be returned */
    private final Map<String, Shopper.Checkout> chosen = new ConcurrentHashMap<>();
    private final AtomicInteger asks = new AtomicInteger();
    private final AtomicInteger approvals = new AtomicInteger();
    private final AtomicInteger receipts = new AtomicInteger();
    private final AtomicInteger notAnswered = new AtomicInteger();
    private final List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());

    /** {@code every}: one in so many paid checkouts of two lines or more is partly returned (0: none). */
    KillLoopReturns(CustomsPark park, List<CheckoutShops.Shop> shops, Map<String, CustomsPark.Partner> partners,
                    int every) {
        this.park = park;
        this.partners = partners;
        this.every = every;
        shops.forEach(shop -> slugs.put(shop.tenant(), shop.slug()));
    }

    /** A paid checkout: chosen for a return when it has two lines or more and its turn came. */
    void offer(Shopper.Checkout checkout) {
        if (every > 0 && checkout.units().size() >= 2 && offered.getAndIncrement() % every == 0) {
            chosen.put(checkout.orderNo(), checkout);
        }
    }

    Set<String> orders() {
        return new TreeSet<>(chosen.keySet());
    }

    /** One round: each chosen order's next move, as the database shows it now. */
    void step(URI app, String jdbc) throws Exception {
        if (chosen.isEmpty()) {
            return;
        }
        Map<String, String> orderStatus = new HashMap<>();
        Map<String, String> returnOf = new HashMap<>();
        Map<String, String> returnStatus = new HashMap<>();
        try (Connection connection = connect(jdbc);
             PreparedStatement select = connection.prepareStatement("SELECT o.order_no, o.status, r.return_no, "
                     + "r.status FROM orders o LEFT JOIN order_returns r ON r.order_id = o.id "
                     + "WHERE o.status IN ('RELEASED', 'PARTIALLY_RETURNED')");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                orderStatus.put(rows.getString(1), rows.getString(2));
                if (rows.getString(3) != null) {
                    returnOf.put(rows.getString(1), rows.getString(3));
                    returnStatus.put(rows.getString(3), rows.getString(4));
                }
            }
        }
        for (Shopper.Checkout order : chosen.values()) {
            if (!orderStatus.containsKey(order.orderNo())) {
                continue; // not released yet
            }
            String returnNo = returnOf.get(order.orderNo());
            if (returnNo == null) {
                ask(app, order);
                continue;
            }
            switch (returnStatus.get(returnNo)) {
                case "REQUESTED" -> approve(app, order, returnNo);
                case "ACCEPTED" -> receive(app, order, returnNo);
                default -> {
                    // APPROVED, DECLARED, GOODS_RECEIVED: the application's move; REFUNDED: done
                }
            }
        }
    }

    /** Whether every chosen order's return is REFUNDED. */
    boolean settled(String jdbc) throws Exception {
        return refunded(jdbc) >= chosen.size();
    }

    long refunded(String jdbc) throws Exception {
        try (Connection connection = connect(jdbc)) {
            return CustomsPark.single(connection, "SELECT COUNT(*) FROM order_returns WHERE status = 'REFUNDED'");
        }
    }

    private void ask(URI app, Shopper.Checkout order) {
        Map.Entry<String, Integer> line = order.units().entrySet().iterator().next();
        String path = "/s/" + slugs.get(order.tenant()) + "/api/orders/" + order.orderNo() + "/returns?token="
                + order.token();
        asks.incrementAndGet();
        send(app, path, null, Map.of("items", List.of(Map.of("sku", line.getKey(), "qty", line.getValue())),
                "reason", "七天无理由退货"), Set.of(201, 422));
    }

    private void approve(URI app, Shopper.Checkout order, String returnNo) {
        approvals.incrementAndGet();
        send(app, "/api/v1/returns/" + returnNo + "/approve", tokens.retailerAdmin(order.tenant()), null,
                Set.of(200, 409));
    }

    private void receive(URI app, Shopper.Checkout order, String returnNo) {
        receipts.incrementAndGet();
        try {
            HttpResponse<String> answer = park.postReturnReceived(app, partners.get(order.tenant()), returnNo);
            expect(answer, Set.of(200));
        } catch (IOException down) {
            notAnswered.incrementAndGet();
        } catch (Exception e) {
            unexpected.add("received " + returnNo + ": " + e);
        }
    }

    private void send(URI app, String path, String token, Object body, Set<Integer> expected) {
        try {
            expect(park.post(app, path, token, body), expected);
        } catch (IOException down) {
            notAnswered.incrementAndGet(); // the application was killed: the next step sees what it did
        } catch (Exception e) {
            unexpected.add(path + ": " + e);
        }
    }

    private void expect(HttpResponse<String> answer, Set<Integer> expected) {
        // 503 while the application starts or its dependencies come back: tried again at the next step
        if (!expected.contains(answer.statusCode()) && answer.statusCode() != 503) {
            unexpected.add(answer.request().method() + " " + answer.uri().getPath() + " answered "
                    + answer.statusCode() + ": " + answer.body());
        }
    }

    /** What the driver sent and met, for the report. */
    String summary() {
        return chosen.size() + " orders chosen for a partial return; " + asks.get() + " asks, " + approvals.get()
                + " approvals, " + receipts.get() + " goods-received posts sent (" + notAnswered.get()
                + " not answered: the application was down)";
    }

    /** Per return (one per chosen order), in our database and at the fake Alipay; a paid order not chosen: no refund.
     */
    List<CountCheck> counts(String jdbc, FakeAlipay alipay, Set<String> paid) throws Exception {
        List<CountCheck> checks = new ArrayList<>();
        Set<String> orders = orders();
        Map<String, String> returnOfOrder = new TreeMap<>();
        Map<String, BigDecimal> expectedRefund = new HashMap<>();
        try (Connection connection = connect(jdbc)) {
            checks.add(CountCheck.exactlyOne(orders, "orders chosen", "returns per chosen order", perKey(connection,
                    "SELECT o.order_no, COUNT(*) FROM order_returns r JOIN orders o ON o.id = r.order_id "
                            + "GROUP BY o.order_no")));
            checks.add(CountCheck.exactlyOne(orders, "orders chosen", "returns REFUNDED per chosen order",
                    perKey(connection, "SELECT o.order_no, COUNT(*) FROM order_returns r JOIN orders o "
                            + "ON o.id = r.order_id WHERE r.status = 'REFUNDED' GROUP BY o.order_no")));
            try (PreparedStatement select = connection.prepareStatement("SELECT o.order_no, r.return_no, "
                    + "ol.value_fen + ol.tariff_fen + ol.consumption_tax_fen + ol.vat_fen FROM order_returns r "
                    + "JOIN orders o ON o.id = r.order_id JOIN order_return_lines rl ON rl.return_id = r.id "
                    + "JOIN order_lines ol ON ol.order_id = r.order_id AND ol.line_no = rl.line_no");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    returnOfOrder.put(rows.getString(1), rows.getString(2));
                    expectedRefund.merge(rows.getString(2), BigDecimal.valueOf(rows.getLong(3), 2), BigDecimal::add);
                }
            }
            Set<String> returns = new TreeSet<>(returnOfOrder.values());
            checks.add(CountCheck.exactlyOne(orders, "orders chosen", "CEB625 guids per chosen order (ours)",
                    perKey(connection, "SELECT order_no, COUNT(DISTINCT guid) FROM declaration_messages "
                            + "WHERE message_type = 'CEB625' GROUP BY order_no")));
            checks.add(CountCheck.exactlyOne(orders, "orders chosen", "return acceptance receipts (626, 800) recorded "
                    + "per chosen order", perKey(connection, "SELECT r.order_no, COUNT(*) FROM declaration_receipts r "
                    + "JOIN declaration_messages m ON m.guid = r.message_guid WHERE r.return_status = 800 "
                    + "AND m.message_type = 'CEB625' GROUP BY r.order_no")));
            checks.add(CountCheck.exactlyOne(returns, "returns", "refunds recorded per return (return_refunds, "
                    + "refunded_at set)", perKey(connection, "SELECT return_no, COUNT(*) FROM return_refunds "
                    + "WHERE refunded_at IS NOT NULL GROUP BY return_no")));
            checks.add(CountCheck.exactlyOne(returns, "returns", "stock RETURN movements per return (one line each)",
                    perKey(connection, "SELECT SUBSTRING(reason, 8, 17), COUNT(*) FROM stock_ledger "
                            + "WHERE movement = 'RETURN' AND reason LIKE 'return R%' "
                            + "GROUP BY SUBSTRING(reason, 8, 17)")));
            checks.add(CountCheck.exactlyOne(returns, "returns", "quota REDUCE movements per return", perKey(connection,
                    "SELECT reference, COUNT(*) FROM annual_quota_movements WHERE movement = 'REDUCE' "
                            + "GROUP BY reference")));
        }
        Map<String, Long> refundsPerRequest = new HashMap<>();
        long rightAmount = 0;
        long otherRefunds = 0;
        for (String orderNo : paid) {
            for (FakeTrade.Refund refund : alipay.trade(orderNo).map(FakeTrade::refunds).orElse(List.of())) {
                if (!orders.contains(orderNo)) {
                    otherRefunds++;
                    continue;
                }
                refundsPerRequest.merge(refund.outRequestNo(), 1L, Long::sum);
                BigDecimal expected = expectedRefund.get(refund.outRequestNo());
                if (expected != null && expected.compareTo(refund.amount()) == 0) {
                    rightAmount++;
                }
            }
        }
        Set<String> returns = new TreeSet<>(returnOfOrder.values());
        checks.add(CountCheck.exactlyOne(returns, "returns", "refunds at Alipay per out_request_no (the return number)",
                refundsPerRequest));
        checks.add(CountCheck.equal("Alipay refunds of the returned line's value + tax", returns.size(), rightAmount));
        checks.add(CountCheck.equal("refunds at Alipay of paid orders not returned", 0, otherRefunds));
        checks.add(new CountCheck("answers other than expected (2xx, 409/422 for a repeat, 503) to the returns' "
                + "requests", "0", unexpected.size() + (unexpected.isEmpty() ? "" : ": " + unexpected.get(0)),
                unexpected.isEmpty()));
        return checks;
    }

    private static Map<String, Long> perKey(Connection connection, String query) throws Exception {
        return countsBy(connection, query, new HashMap<>());
    }
}
