package io.vitrine.benchmarks;

import io.vitrine.tools.fakealipay.FakeAlipay;
import io.vitrine.tools.fakealipay.FakeTrade;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import static io.vitrine.benchmarks.CustomsPark.connect;
import static io.vitrine.benchmarks.CustomsPark.single;

/**
 * The fault drill's returns, on orders the traffic paid and waybilled (released by the built-in simulator): every
 * step one shopper asks to return their order's line (an Idempotency-Key of the order: sent again after no answer, it
 * is the same return) and the retailer's admin approves it. One return in {@value #EXPIRING_ONE_IN} is to expire: once
 * approved, the drill ages it (its {@code released_at} moved {@value #AGED_DAYS} days back in SQL: the goods' 45 days
 * are over) and the return-expiry job, every few seconds for the drill, must end it EXPIRED exactly once; the others'
 * goods come back (the shop's warehouse partner posts received once customs ACCEPTED them) and are refunded through
 * Alipay. After the drill, the catch-up finishes what a fault interrupted (approvals, ageing, receipts).
 */
final class FaultReturns {

    static final int EXPIRING_ONE_IN = 3;
    static final int AGED_DAYS = 60;

    /** A return the shopper was answered 201 for. */
    record Asked(String returnNo, String orderNo, String tenant, boolean expiring) {
    }

    private final FaultTraffic traffic;
    private final FakeAlipay alipay;
    private final CustomsPark park;
    private final Map<String, CustomsPark.Partner> partners;
    private final BenchTokens tokens;
    private final String jdbc;
    /** return number → the return, of every return asked */
    final Map<String, Asked> asked = new ConcurrentHashMap<>();
    private final Set<String> asking = ConcurrentHashMap.newKeySet();
    /** orders whose return request was not answered (or answered 5xx): asked again with the same key at the catch-up */
    private final Set<String> unanswered = ConcurrentHashMap.newKeySet();
    private final Set<String> approved = ConcurrentHashMap.newKeySet();
    private final Set<String> aged = ConcurrentHashMap.newKeySet();

    FaultReturns(FaultTraffic traffic, FakeAlipay alipay, CustomsPark park, Map<String, CustomsPark.Partner> partners,
                 BenchTokens tokens, String jdbc) {
        this.traffic = traffic;
        this.alipay = alipay;
        this.park = park;
        this.partners = partners;
        this.tokens = tokens;
        this.jdbc = jdbc;
    }

    /** One step: a new return asked (when a waybilled order has none), then approvals, ageing and receipts due. */
    void step() {
        List<String> candidates = traffic.waybilled.stream().filter(no -> !asking.contains(no)).toList();
        if (!candidates.isEmpty()) {
            ask(candidates.get(ThreadLocalRandom.current().nextInt(candidates.size())));
        }
        followUp();
    }

    /** Approvals not answered yet, the expiring ones aged, the ACCEPTED others received. */
    void followUp() {
        asked.values().stream().filter(r -> !approved.contains(r.returnNo())).forEach(this::approve);
        asked.values().stream().filter(r -> r.expiring() && approved.contains(r.returnNo())
                && !aged.contains(r.returnNo())).forEach(this::age);
        try {
            for (String returnNo : withStatus("ACCEPTED")) {
                Asked one = asked.get(returnNo);
                if (one != null && !one.expiring()) {
                    receive(one);
                }
            }
        } catch (SQLException databaseDown) {
            // the next step
        }
    }

    private void ask(String orderNo) {
        FaultTraffic.Bought order = traffic.bought.get(orderNo);
        URI base = traffic.base();
        HttpResponse<String> answer = traffic.send("return request", base, "POST", "/s/" + order.slug() + "/api/orders/"
                        + orderNo + "/returns?token=" + order.token(),
                Map.of("items", List.of(Map.of("sku", order.sku(), "qty", 1)), "reason", "七天无理由退货"),
                "fault-return-" + orderNo, null);
        if (answer == null || answer.statusCode() >= 500) {
            unanswered.add(orderNo);
            return;
        }
        unanswered.remove(orderNo);
        if (answer.statusCode() == 201) {
            String returnNo = FaultTraffic.json(answer).path("returnNo").asText();
            asked.put(returnNo, new Asked(returnNo, orderNo, order.tenant(),
                    Math.floorMod(orderNo.hashCode(), EXPIRING_ONE_IN) == 0));
            asking.add(orderNo);
        } else if (answer.statusCode() == 422 && !answer.body().contains("NOT_RELEASED")) {
            asking.add(orderNo);  // refused for good (e.g. a window): not asked again
        }
    }

    private void approve(Asked one) {
        HttpResponse<String> answer = traffic.send("return approve", traffic.base(), "POST",
                "/api/v1/returns/" + one.returnNo() + "/approve", null, null, tokens.retailerAdmin(one.tenant()));
        // 409: approved already (an answer lost before)
        if (answer != null && (answer.statusCode() == 200 || answer.statusCode() == 409)) {
            approved.add(one.returnNo());
        }
    }

    /** The goods' 45 days over: the return's release moved {@value #AGED_DAYS} days back. */
    private void age(Asked one) {
        try (Connection c = connect(jdbc);
             PreparedStatement update = c.prepareStatement("UPDATE order_returns SET released_at = ? WHERE return_no = ?"
                     + " AND tenant_id = ?")) {
            update.setString(1, utc(Instant.now().minus(Duration.ofDays(AGED_DAYS))));
            update.setString(2, one.returnNo());
            update.setString(3, one.tenant());
            if (update.executeUpdate() == 1) {
                aged.add(one.returnNo());
            }
        } catch (SQLException databaseDown) {
            // the next step
        }
    }

    /** An instant as the application writes it in a DATETIME(6): UTC. */
    static String utc(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
                .format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private void receive(Asked one) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> answer = park.postReturnReceived(traffic.base(), partners.get(one.tenant()),
                    one.returnNo());
            traffic.recorder().record("return received", answer.statusCode(), started, answer.body());
        } catch (Exception e) {
            traffic.recorder().record("return received", -1, started, e.toString());
        }
    }

    private List<String> withStatus(String status) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = connect(jdbc);
             PreparedStatement select = c.prepareStatement("SELECT return_no FROM order_returns WHERE status = ?")) {
            select.setString(1, status);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found;
    }

    /** After the drill: the requests a fault left unanswered sent again (same keys), then the follow-ups. */
    void catchUp() {
        List.copyOf(unanswered).forEach(this::ask);
        followUp();
    }

    /** Every return REFUNDED or EXPIRED, and no request left unanswered. */
    boolean settled() throws SQLException {
        try (Connection c = connect(jdbc)) {
            return unanswered.isEmpty()
                    && single(c, "SELECT COUNT(*) FROM order_returns WHERE status NOT IN ('REFUNDED', 'EXPIRED')") == 0;
        }
    }

    /** The returns' invariants: each in one end state, an expired one expired once and never refunded, a refund once. */
    List<FaultDrill.Check> checks(Connection c) throws SQLException {
        long expiring = asked.values().stream().filter(Asked::expiring).count();
        List<FaultDrill.Check> checks = new ArrayList<>();
        checks.add(FaultDrill.Check.equal("returns in the database = returns the shoppers were answered 201 for",
                asked.size(), single(c, "SELECT COUNT(*) FROM order_returns")));
        checks.add(FaultDrill.Check.equal("orders with more than one return (one Idempotency-Key per order)", 0,
                single(c, "SELECT COUNT(*) FROM (SELECT order_no FROM order_returns GROUP BY order_no "
                        + "HAVING COUNT(*) > 1) d")));
        checks.add(FaultDrill.Check.equal("returns neither REFUNDED nor EXPIRED after the catch-up", 0,
                single(c, "SELECT COUNT(*) FROM order_returns WHERE status NOT IN ('REFUNDED', 'EXPIRED')")));
        checks.add(FaultDrill.Check.equal("returns EXPIRED (= those aged for the drill)", expiring,
                single(c, "SELECT COUNT(*) FROM order_returns WHERE status = 'EXPIRED'")));
        checks.add(FaultDrill.Check.equal("EXPIRED returns whose timeline note is not there exactly once (the expiry "
                + "job's one trace)", 0, single(c, "SELECT COUNT(*) FROM (SELECT r.return_no FROM order_returns r "
                + "LEFT JOIN order_status_history h ON h.tenant_id = r.tenant_id AND h.order_id = r.order_id "
                + "AND h.reason LIKE CONCAT('return ', r.return_no, ' expired%') WHERE r.status = 'EXPIRED' "
                + "GROUP BY r.return_no HAVING COUNT(h.id) <> 1) d")));
        checks.add(FaultDrill.Check.equal("EXPIRED returns with a refund recorded", 0, single(c, "SELECT COUNT(*) "
                + "FROM order_returns r JOIN return_refunds f ON f.return_id = r.id WHERE r.status = 'EXPIRED'")));
        long refunded = single(c, "SELECT COUNT(*) FROM order_returns WHERE status = 'REFUNDED'");
        checks.add(FaultDrill.Check.equal("REFUNDED returns with their refund confirmed (return_refunds.refunded_at)",
                refunded, single(c, "SELECT COUNT(*) FROM order_returns r JOIN return_refunds f ON f.return_id = r.id "
                        + "WHERE r.status = 'REFUNDED' AND f.refunded_at IS NOT NULL")));
        Map<String, Integer> refundsAtAlipay = refundsAtAlipay();
        checks.add(FaultDrill.Check.equal("refunds at Alipay = REFUNDED returns", refunded,
                refundsAtAlipay.values().stream().mapToInt(Integer::intValue).sum()));
        checks.add(FaultDrill.Check.equal("returns refunded more than once at Alipay (by out_request_no)", 0,
                refundsAtAlipay.values().stream().filter(n -> n > 1).count()));
        checks.add(FaultDrill.Check.equal("expiring returns refunded at Alipay", 0, asked.values().stream()
                .filter(r -> r.expiring() && refundsAtAlipay.containsKey(r.returnNo())).count()));
        return checks;
    }

    /** Per out_request_no (the return number), how many refunds the fake Alipay made on the returned orders. */
    private Map<String, Integer> refundsAtAlipay() {
        Map<String, Integer> refunds = new HashMap<>();
        asked.values().stream().map(Asked::orderNo).distinct().forEach(orderNo -> alipay.trade(orderNo)
                .map(FakeTrade::refunds).orElse(List.of())
                .forEach(refund -> refunds.merge(refund.outRequestNo(), 1, Integer::sum)));
        return refunds;
    }
}
