package io.vitrine.orders.ordering;

import io.vitrine.kernel.codes.ResidentIdNumber;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.error.RateLimitedException;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.orders.carts.Carts;
import io.vitrine.orders.carts.PricedCart;
import io.vitrine.orders.compliance.CheckoutRefusedException;
import io.vitrine.orders.payment.NotifyRejectedException;
import io.vitrine.orders.quota.AnnualQuotas;
import io.vitrine.orders.testing.OrderFixtures;
import io.vitrine.orders.testing.OrderFixtures.Shop;
import io.vitrine.orders.testing.SqlStatements;
import io.vitrine.orders.testing.TestBuyers;
import io.vitrine.tools.fakealipay.FakeAlipay;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Orders end to end at the service level, on H2 and on MariaDB, against the in-process fake Alipay: placing (QR
 * and wap), paying by notify (replays, wrong amount, forged), closing after the window, late payment refunded,
 * cancelling a paid order, the last unit raced, the lookup, sealed personal data, and one person's 50 parallel
 * orders through two shops that never pass 26,000.00.
 */
abstract class OrderingSuite extends OrderingFixture {

    /** Issue #5's goal, reached: orders README "SQL statements per placement" says where they go. */
    static final int MAX_STATEMENTS_ONE_LINE = 15;

    /**
     * A cart PUT: the SKU checked (product, store, assortment: 3), then the cart priced (its products in one query,
     * the store's assortment of them in another: 2). It was 3 + 1 per line + 2.
     */
    static final int MAX_STATEMENTS_CART_CHANGE = 5;

    /**
     * A paid notify, from the order number's tenant to the outbox: orders README "SQL statements per notify". 17
     * since the stock's on-hand change publishes {@code StockLevelChanged} for the stores' POS feeds.
     */
    static final int MAX_STATEMENTS_PAID_NOTIFY = 17;

    @Test
    void a_qr_order_reserves_stock_and_quota_and_opens_the_trade_and_consumes_the_cart() {
        String sku = fixtures.product(shop, 29900, 5);
        ResidentIdNumber buyer = TestBuyers.newBuyer();
        String cartId = cart(shop, sku, 2);

        PlacedOrder placed = place(shop, cartId, buyer, "ALIPAY_QR");

        Order order = placed.order();
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(order.amounts().goodsValue()).isEqualTo(Money.ofFen(59800));
        assertThat(order.paymentLink()).startsWith(fake.baseUrl().toString());
        assertThat(fake.trade(order.orderNo()).orElseThrow().totalAmount())
                .isEqualByComparingTo(order.amounts().total().toYuan());
        assertThat(fixtures.reserved(shop, sku)).isEqualTo(2);
        assertThat(standing(buyer)).isEqualTo(order.quotaAmount());
        assertThatThrownBy(() -> TenantContext.callAs(shop.tenant(), () -> context.getBean(Carts.class).get(cartId)))
                .isInstanceOf(NotFoundException.class);
        OrderDetails details = as(shop, () -> reading().byToken(order.orderNo(), placed.orderToken()));
        assertThat(details.lines()).hasSize(1);
        assertThat(details.history()).extracting(HistoryEntry::to).containsExactly(OrderStatus.PENDING_PAYMENT);
        assertThat(details.buyer().idNumber()).isEqualTo(buyer.value().substring(0, 4) + "**********"
                + buyer.value().substring(14));
    }

    @Test
    void a_wap_order_answers_the_redirect_url() {
        String sku = fixtures.product(shop, 10000, 5);
        PlacedOrder placed = place(shop, cart(shop, sku, 1), TestBuyers.newBuyer(), "ALIPAY_WAP");
        assertThat(placed.order().paymentLink()).startsWith(fake.baseUrl().toString());
        assertThat(placed.order().payMethod()).isEqualTo(PayMethod.ALIPAY_WAP);
    }

    @Test
    void a_paid_notify_marks_the_order_paid_once_however_often_it_is_replayed() {
        String sku = fixtures.product(shop, 29900, 5);
        ResidentIdNumber buyer = TestBuyers.newBuyer();
        PlacedOrder placed = place(shop, cart(shop, sku, 1), buyer, "ALIPAY_QR");
        String orderNo = placed.order().orderNo();

        fake.faults().duplicateNextNotifies(1);
        FakeAlipay.Payment payment = fake.pay(orderNo);
        assertThat(payment.notifies()).allMatch(delivery -> delivery.acknowledged());
        Map<String, String> form = lastNotify(orderNo);
        assertThat(notifications().receive(form)).isEqualTo(PaymentOutcome.ALREADY_PAID);

        Order paid = details(orderNo).order();
        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
        assertThat(paid.tradeNo()).isEqualTo(form.get("trade_no"));
        assertThat(fixtures.onHand(shop, sku)).isEqualTo(4);
        assertThat(fixtures.reserved(shop, sku)).isZero();
        assertThat(fixtures.count("SELECT COUNT(*) FROM outbox_events WHERE event_type = ? AND business_key = ?",
                OrderPaid.TYPE, orderNo)).isEqualTo(1);
        assertThat(as(shop, () -> context.getBean(AnnualQuotas.class).standing(buyer, Year.of(2026))).consumed())
                .isEqualTo(paid.quotaAmount());
    }

    @Test
    void a_notify_of_another_amount_never_marks_the_order_paid() {
        String sku = fixtures.product(shop, 29900, 5);
        PlacedOrder placed = place(shop, cart(shop, sku, 1), TestBuyers.newBuyer(), "ALIPAY_QR");
        String orderNo = placed.order().orderNo();

        PaymentOutcome outcome = as(shop, () -> context.getBean(OrderPayments.class).pay(new PaymentFacts(orderNo,
                "2026113022001", Money.parse("0.01"), io.vitrine.orders.payment.TradeStatus.TRADE_SUCCESS, null)));

        assertThat(outcome).isEqualTo(PaymentOutcome.AMOUNT_MISMATCH);
        OrderDetails details = details(orderNo);
        assertThat(details.order().status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(details.history()).anyMatch(entry -> entry.kind() == HistoryEntry.Kind.NOTE
                && entry.reason().contains("does not match"));
    }

    @Test
    void a_notify_of_another_amount_raises_one_alert_for_the_shop_however_often_it_is_replayed() {
        String sku = fixtures.product(shop, 29900, 5);
        String orderNo = place(shop, cart(shop, sku, 1), TestBuyers.newBuyer(), "ALIPAY_QR").order().orderNo();

        fake.faults().wrongAmountInNextNotify(new BigDecimal("0.01"));
        fake.pay(orderNo);
        Map<String, String> form = lastNotify(orderNo);
        assertThat(notifications().receive(form)).isEqualTo(PaymentOutcome.AMOUNT_MISMATCH);

        assertThat(as(shop, () -> reading().details(orderNo)).order().status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(fixtures.count("SELECT COUNT(*) FROM alerts WHERE tenant_id = ? AND kind = ? AND subject = ?",
                shop.tenant().value(), "PAYMENT_AMOUNT_MISMATCH", orderNo)).isEqualTo(1);
        assertThat(fixtures.count("SELECT COUNT(*) FROM alerts WHERE subject = ?", orderNo)).isEqualTo(1);
        assertThat(fixtures.count("SELECT COUNT(*) FROM outbox_events e JOIN alerts a ON a.id = e.business_key "
                + "WHERE e.event_type = 'tenants.AlertRaised' AND a.subject = ?", orderNo)).isEqualTo(1);
    }

    @Test
    void a_forged_notify_changes_nothing_and_an_unknown_order_is_not_found() {
        String sku = fixtures.product(shop, 29900, 5);
        String paidNo = place(shop, cart(shop, sku, 1), TestBuyers.newBuyer(), "ALIPAY_QR").order().orderNo();
        String pendingNo = place(shop, cart(shop, sku, 1), TestBuyers.newBuyer(), "ALIPAY_QR").order().orderNo();
        fake.pay(paidNo);
        Map<String, String> genuine = lastNotify(paidNo);

        Map<String, String> otherOrder = new HashMap<>(genuine);
        otherOrder.put("out_trade_no", pendingNo);
        Map<String, String> unsigned = new HashMap<>(otherOrder);
        unsigned.remove("sign");
        for (Map<String, String> forged : List.of(otherOrder, unsigned)) {
            assertThatThrownBy(() -> notifications().receive(forged)).isInstanceOf(NotifyRejectedException.class);
        }
        OrderDetails pending = details(pendingNo);
        assertThat(pending.order().status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(pending.history()).hasSize(1);
        Map<String, String> unknown = new HashMap<>(genuine);
        unknown.put("out_trade_no", "V2611300000000000");
        assertThatThrownBy(() -> notifications().receive(unknown)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void an_order_unpaid_past_its_window_is_closed_giving_stock_and_quota_back() {
        String sku = fixtures.product(shop, 29900, 5);
        ResidentIdNumber buyer = TestBuyers.newBuyer();
        PlacedOrder placed = place(shop, cart(shop, sku, 1), buyer, "ALIPAY_QR");
        String orderNo = placed.order().orderNo();

        later(Duration.ofMinutes(16), () -> context.getBean(UnpaidOrderClosing.class).closeDue());

        assertThat(status(orderNo)).isEqualTo(OrderStatus.CLOSED);
        assertThat(fixtures.reserved(shop, sku)).isZero();
        assertThat(standing(buyer)).isEqualTo(Money.ZERO);

    }

    @Test
    void cancelling_a_paid_order_refunds_it_once_and_gives_the_quota_and_the_units_back() {
        String sku = fixtures.product(shop, 29900, 5);
        ResidentIdNumber buyer = TestBuyers.newBuyer();
        PlacedOrder placed = place(shop, cart(shop, sku, 2), buyer, "ALIPAY_QR");
        String orderNo = placed.order().orderNo();
        fake.pay(orderNo);
        assertThat(fixtures.onHand(shop, sku)).isEqualTo(3);

        Order cancelled = as(shop, () -> context.getBean(OrderCancellations.class).cancel(orderNo, "staff-1", "asked"));
        Order again = as(shop, () -> context.getBean(OrderCancellations.class).cancel(orderNo, "staff-1", "asked"));

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(again.refundRequestNo()).isEqualTo(orderNo + "-C");
        assertThat(again.refunded()).isEqualTo(placed.order().amounts().total());
        assertThat(standing(buyer)).isEqualTo(Money.ZERO);
        assertThat(fake.trade(orderNo).orElseThrow().refunded())
                .isEqualByComparingTo(placed.order().amounts().total().toYuan());
        assertThat(fixtures.onHand(shop, sku)).as("the units back on hand, once").isEqualTo(5);
        assertThat(fixtures.reserved(shop, sku)).isZero();
        assertThat(fixtures.strings("SELECT CONCAT(movement, ' ', delta, ' ', reason) FROM stock_ledger WHERE sku = ? "
                + "AND movement IN ('SALE', 'RETURN') ORDER BY id", sku))
                .containsExactly("SALE -2 order " + orderNo, "RETURN 2 order " + orderNo + " cancelled");
        assertThatThrownBy(() -> as(shop, () -> context.getBean(OrderCancellations.class).closeIfDue("V0")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_payment_arriving_for_a_closed_order_is_refunded_once() {
        String sku = fixtures.product(shop, 29900, 5);
        PlacedOrder placed = place(shop, cart(shop, sku, 1), TestBuyers.newBuyer(), "ALIPAY_QR");
        String orderNo = placed.order().orderNo();
        fake.faults().dropNextNotifies(1);
        fake.pay(orderNo);
        // our side closed it as the shopper paid (the close round and the payment crossed)
        fixtures.execute("UPDATE orders SET status = 'CLOSED' WHERE order_no = ?", orderNo);

        fake.resendNotify(orderNo);
        fake.resendNotify(orderNo);

        Order order = details(orderNo).order();
        assertThat(order.status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(order.refundRequestNo()).isEqualTo(orderNo + "-L");
        assertThat(fake.trade(orderNo).orElseThrow().refunds()).hasSize(1);
        assertThat(fake.trade(orderNo).orElseThrow().refunded())
                .isEqualByComparingTo(placed.order().amounts().total().toYuan());
        assertThat(details(orderNo).history())
                .filteredOn(entry -> entry.kind() == HistoryEntry.Kind.NOTE).hasSize(1);
    }

    @Test
    void refusals_change_nothing() {
        String sku = fixtures.product(shop, 600000, 5);
        String cartId = cart(shop, sku, 1);
        assertThatThrownBy(() -> place(shop, cartId, TestBuyers.newBuyer(), "ALIPAY_QR"))
                .isInstanceOf(CheckoutRefusedException.class).hasFieldOrPropertyWithValue("code", "SINGLE_LIMIT_EXCEEDED");
        String unlisted = fixtures.product(shop, 100, "1210", OrderFixtures.UNLISTED_HS_CODE, 5);
        assertThatThrownBy(() -> place(shop, cart(shop, unlisted, 1), TestBuyers.newBuyer(), "ALIPAY_QR"))
                .hasFieldOrPropertyWithValue("code", "NOT_ON_POSITIVE_LIST");
        String scarce = fixtures.product(shop, 100, 1);
        assertThatThrownBy(() -> place(shop, cart(shop, scarce, 2), TestBuyers.newBuyer(), "ALIPAY_QR"))
                .hasFieldOrPropertyWithValue("code", "OUT_OF_STOCK");
        assertThat(fixtures.count("SELECT COUNT(*) FROM orders WHERE tenant_id = ?", shop.tenant().value())).isZero();
        assertThat(fixtures.reserved(shop, scarce)).isZero();
    }

    @Test
    void duty_paid_goods_need_no_identity_and_hold_no_quota() {
        String sku = fixtures.product(shop, 5000, "GENERAL", "3304990099", 5);
        PlacedOrder placed = as(shop, () -> placement().place(new PlaceOrder(cart(shop, sku, 1), shop.store(), null,
                null, false, "ALIPAY_QR", null, URI.create("http://shop.test/s/x/orders/"))));
        assertThat(placed.order().quotaAmount()).isEqualTo(Money.ZERO);
        assertThat(placed.order().quotaYear()).isNull();
    }

    @Test
    void the_same_cart_ordered_twice_gives_one_order() {
        String sku = fixtures.product(shop, 100, 5);
        String cartId = cart(shop, sku, 1);
        ResidentIdNumber buyer = TestBuyers.newBuyer();
        place(shop, cartId, buyer, "ALIPAY_QR");
        assertThatThrownBy(() -> place(shop, cartId, buyer, "ALIPAY_QR")).isInstanceOf(NotFoundException.class);
        assertThat(fixtures.count("SELECT COUNT(*) FROM orders WHERE tenant_id = ?", shop.tenant().value())).isEqualTo(1);
    }

    @Test
    void two_shoppers_racing_for_the_last_unit_make_exactly_one_order() throws Exception {
        String sku = fixtures.product(shop, 100, 1);
        List<String> carts = List.of(cart(shop, sku, 1), cart(shop, sku, 1));
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (String cartId : carts) {
            attempts.add(() -> {
                try {
                    place(shop, cartId, TestBuyers.newBuyer(), "ALIPAY_QR");
                    return true;
                } catch (io.vitrine.kernel.error.BusinessRuleException e) {
                    assertThat(e.code()).isEqualTo("OUT_OF_STOCK");
                    return false;
                }
            });
        }
        assertThat(race(attempts)).containsExactlyInAnyOrder(true, false);
        assertThat(fixtures.reserved(shop, sku)).isEqualTo(1);
    }

    @Test
    void the_database_holds_no_plain_personal_data() {
        String sku = fixtures.product(shop, 100, 5);
        ResidentIdNumber buyer = TestBuyers.newBuyer();
        PlacedOrder placed = place(shop, cart(shop, sku, 1), buyer, "ALIPAY_QR");

        List<String> row = fixtures.strings("SELECT CONCAT_WS('|', " + String.join(", ", List.of("buyer_name",
                "buyer_id_number", "buyer_phone", "buyer_id_index", "buyer_id_last6_index", "buyer_phone_index",
                "consignee_name", "consignee_phone", "consignee_address", "token_hash", "cart_ref"))
                + ") FROM orders WHERE order_no = ?", placed.order().orderNo());
        assertThat(row).hasSize(1);
        assertThat(row.get(0)).doesNotContain(buyer.value()).doesNotContain(buyer.value().substring(12))
                .doesNotContain("13800138000").doesNotContain("张三").doesNotContain("科技园")
                .doesNotContain(placed.orderToken());
    }

    @Test
    void a_lookup_with_the_right_details_answers_a_new_token_and_is_rate_limited() {
        String sku = fixtures.product(shop, 100, 5);
        ResidentIdNumber buyer = TestBuyers.newBuyer();
        PlacedOrder placed = place(shop, cart(shop, sku, 1), buyer, "ALIPAY_QR");
        String orderNo = placed.order().orderNo();
        String last6 = buyer.value().substring(12);

        assertThatThrownBy(() -> as(shop, () -> reading().lookup(orderNo, "13800138000", "000000", "10.0.0.1")))
                .isInstanceOf(NotFoundException.class);
        String token = as(shop, () -> reading().lookup(orderNo, "+86 138 0013 8000", last6.toLowerCase(), "10.0.0.1"));

        assertThat(as(shop, () -> reading().byToken(orderNo, token)).order().orderNo()).isEqualTo(orderNo);
        assertThatThrownBy(() -> as(shop, () -> reading().byToken(orderNo, placed.orderToken())))
                .isInstanceOf(NotFoundException.class);
        for (int i = 0; i < 3; i++) {
            as(shop, () -> reading().lookup(orderNo, "13800138000", last6, "10.0.0.2"));
        }
        assertThatThrownBy(() -> as(shop, () -> reading().lookup(orderNo, "13800138000", last6, "10.0.0.3")))
                .isInstanceOf(RateLimitedException.class);
    }

    @Test
    void fifty_parallel_orders_of_one_person_through_two_shops_never_pass_26000() throws Exception {
        Shop other = fixtures.shop();
        String here = fixtures.product(shop, 100000, 100);
        String there = fixtures.product(other, 100000, 100);
        ResidentIdNumber buyer = TestBuyers.newBuyer();
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Shop which = i % 2 == 0 ? shop : other;
            String cartId = cart(which, which == shop ? here : there, 1);
            attempts.add(() -> {
                try {
                    place(which, cartId, buyer, "ALIPAY_QR");
                    return true;
                } catch (CheckoutRefusedException e) {
                    assertThat(e.code()).isEqualTo("ANNUAL_LIMIT_EXCEEDED");
                    return false;
                }
            });
        }
        List<Boolean> outcomes = race(attempts);
        assertThat(outcomes.stream().filter(placedOne -> placedOne).count()).isEqualTo(26);
        assertThat(standing(buyer)).isEqualTo(Money.parse("26000.00"));
    }

    @Test
    void a_placement_sends_at_most_15_sql_statements_whatever_the_number_of_lines() {
        String first = fixtures.product(shop, 100, 50);
        String second = fixtures.product(shop, 200, 50);
        String third = fixtures.product(shop, 300, 50);
        place(shop, cart(shop, first, 1), TestBuyers.newBuyer(), "ALIPAY_QR"); // the shop's settings cached
        String oneLine = cart(shop, first, 1);
        String threeLines = cart(shop, first, 1);
        as(shop, () -> context.getBean(Carts.class).setQuantity(threeLines, second, BigDecimal.ONE));
        as(shop, () -> context.getBean(Carts.class).setQuantity(threeLines, third, BigDecimal.valueOf(2)));

        SqlStatements.Counted<PlacedOrder> one = SqlStatements.count(() -> place(shop, oneLine, TestBuyers.newBuyer(),
                "ALIPAY_QR"));
        int forOne = one.statements();
        one.executed().forEach(sql -> System.out.println("  " + sql));
        SqlStatements.Counted<PlacedOrder> three = SqlStatements.count(() -> place(shop, threeLines,
                TestBuyers.newBuyer(), "ALIPAY_QR"));

        System.out.printf("SQL statements per placement: %d for one line, %d for three%n", forOne,
                three.statements());
        assertThat(forOne).isLessThanOrEqualTo(MAX_STATEMENTS_ONE_LINE);
        assertThat(three.statements()).as("per further line").isEqualTo(forOne);
        assertThat(three.result().order().paymentLink()).isNotBlank();
        assertThat(fixtures.reserved(shop, third)).isEqualTo(2);
    }

    @Test
    void a_cart_change_prices_every_line_in_the_same_statements_whatever_the_number_of_lines() {
        String first = fixtures.product(shop, 100, 50);
        String second = fixtures.product(shop, 250, 50);
        String third = fixtures.product(shop, 1000, 50);
        String fourth = fixtures.product(shop, 399, 50);
        Carts carts = context.getBean(Carts.class);
        String cartId = cart(shop, first, 1);
        as(shop, () -> carts.setQuantity(cartId, second, BigDecimal.valueOf(2))); // the shop's settings cached

        SqlStatements.Counted<PricedCart> twoLines = SqlStatements.count(() ->
                as(shop, () -> carts.setQuantity(cartId, second, BigDecimal.valueOf(3))));
        as(shop, () -> carts.setQuantity(cartId, third, BigDecimal.ONE));
        SqlStatements.Counted<PricedCart> fourLines = SqlStatements.count(() ->
                as(shop, () -> carts.setQuantity(cartId, fourth, BigDecimal.valueOf(2))));

        System.out.printf("SQL statements per cart change: %d for two lines, %d for four%n", twoLines.statements(),
                fourLines.statements());
        fourLines.executed().forEach(sql -> System.out.println("  " + sql));
        assertThat(fourLines.statements()).as("per further line").isEqualTo(twoLines.statements());
        assertThat(fourLines.statements()).isLessThanOrEqualTo(MAX_STATEMENTS_CART_CHANGE);
        PricedCart priced = fourLines.result();
        assertThat(priced.items()).extracting(PricedCart.Item::sku).containsExactly(first, second, third, fourth);
        assertThat(priced.items()).allMatch(PricedCart.Item::available);
        assertThat(priced.items()).extracting(item -> item.priced().value())
                .containsExactly(Money.ofFen(100), Money.ofFen(750), Money.ofFen(1000), Money.ofFen(798));
        assertThat(priced.price().goodsValue()).isEqualTo(Money.ofFen(2648));
        // 1210 within the limits: VAT 13% × 70%, rounded per line (9.1 → 9, 68.25 → 68, 91, 72.618 → 73)
        assertThat(priced.items()).extracting(item -> item.priced().tax().total())
                .containsExactly(Money.ofFen(9), Money.ofFen(68), Money.ofFen(91), Money.ofFen(73));
        assertThat(priced.price().total()).isEqualTo(Money.ofFen(2648 + 241));
    }

    @Test
    void a_paid_notify_sends_at_most_17_sql_statements_and_a_replay_changes_nothing() {
        String sku = fixtures.product(shop, 29900, 5);
        ResidentIdNumber buyer = TestBuyers.newBuyer();
        String orderNo = place(shop, cart(shop, sku, 1), buyer, "ALIPAY_QR").order().orderNo();
        String warmUp = place(shop, cart(shop, sku, 1), TestBuyers.newBuyer(), "ALIPAY_QR").order().orderNo();
        fake.pay(warmUp); // the tenant's Alipay client and settings cached, as for every notify after the first
        ordering.held().set(true);
        try {
            fake.pay(orderNo);
        } finally {
            ordering.held().set(false);
        }
        Map<String, String> form = lastNotify(orderNo);

        SqlStatements.Counted<PaymentOutcome> notify = SqlStatements.count(() -> notifications().receive(form));
        notify.executed().forEach(sql -> System.out.println("  " + sql));
        SqlStatements.Counted<PaymentOutcome> replay = SqlStatements.count(() -> notifications().receive(form));

        System.out.printf("SQL statements per paid notify: %d (a replay %d)%n", notify.statements(),
                replay.statements());
        assertThat(notify.result()).isEqualTo(PaymentOutcome.PAID);
        assertThat(notify.statements()).isLessThanOrEqualTo(MAX_STATEMENTS_PAID_NOTIFY);
        assertThat(replay.result()).isEqualTo(PaymentOutcome.ALREADY_PAID);
        Order paid = details(orderNo).order();
        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
        assertThat(paid.tradeNo()).isEqualTo(form.get("trade_no"));
        assertThat(fixtures.onHand(shop, sku)).isEqualTo(3);
        assertThat(fixtures.reserved(shop, sku)).isZero();
        assertThat(fixtures.count("SELECT COUNT(*) FROM outbox_events WHERE event_type = ? AND business_key = ?",
                OrderPaid.TYPE, orderNo)).isEqualTo(1);
        assertThat(as(shop, () -> context.getBean(AnnualQuotas.class).standing(buyer, Year.of(2026))).consumed())
                .isEqualTo(paid.quotaAmount());
        assertThat(details(orderNo).history()).extracting(HistoryEntry::to)
                .containsExactly(OrderStatus.PENDING_PAYMENT, OrderStatus.PAID);
    }

    // --- helpers

    private Money standing(ResidentIdNumber buyer) {
        return as(shop, () -> context.getBean(AnnualQuotas.class).standing(buyer, Year.of(2026)).held());
    }

    private Map<String, String> lastNotify(String orderNo) {
        List<Map<String, String>> forms = ordering.notifies().stream()
                .filter(form -> orderNo.equals(form.get("out_trade_no"))).toList();
        return forms.get(forms.size() - 1);
    }

    private static List<Boolean> race(List<Callable<Boolean>> attempts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(attempts.size(), 16));
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (Callable<Boolean> attempt : attempts) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return attempt.call();
                }));
            }
            start.countDown();
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> future : futures) {
                outcomes.add(future.get(120, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private OrderPlacement placement() {
        return context.getBean(OrderPlacement.class);
    }

    private PaymentNotifications notifications() {
        return context.getBean(PaymentNotifications.class);
    }
}
