package io.vitrine.orders.returns;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.codes.ResidentIdNumber;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.outbox.infra.OutboxDispatcher;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.testing.MutableClock;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.orders.carts.Carts;
import io.vitrine.orders.compliance.CheckoutFacts;
import io.vitrine.orders.ordering.Clearances;
import io.vitrine.orders.ordering.HistoryEntry;
import io.vitrine.orders.ordering.OrderDetails;
import io.vitrine.orders.ordering.OrderLine;
import io.vitrine.orders.ordering.OrderPlacement;
import io.vitrine.orders.ordering.OrderReading;
import io.vitrine.orders.ordering.OrderStatus;
import io.vitrine.orders.ordering.PlaceOrder;
import io.vitrine.orders.ordering.PlacedOrder;
import io.vitrine.orders.quota.AnnualQuotas;
import io.vitrine.orders.testing.OrderFixtures;
import io.vitrine.orders.testing.OrderFixtures.Shop;
import io.vitrine.orders.testing.OrderingContexts.Ordering;
import io.vitrine.orders.testing.TestBuyers;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;
import io.vitrine.tenants.settings.Settings;
import io.vitrine.tenants.settings.SettingsForm;
import io.vitrine.tenants.settings.TenantSettings;
import io.vitrine.tools.fakealipay.FakeAlipay;
import io.vitrine.tools.fakealipay.FakeTrade;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Goods received, refunded and expired on H2 and on MariaDB, against the real services: orders of two SKUs placed
 * and paid through the fake Alipay, released through {@link Clearances}, a return requested and approved, then
 * moved to ACCEPTED in the table as customs' acceptance would (customs' side is another slice); the refund goes
 * through the outbox to the fake Alipay, whose faults prove it is retried and paid once. The 45 days are crossed
 * with the context's {@link MutableClock}.
 */
abstract class ReturnRefundsSuite {

    private static final long FREIGHT_FEN = 1500;

    private final ReturningShop returning = new ReturningShop(ordering());
    private final ApplicationContext context = returning.context();
    private final FakeAlipay fake = returning.fake();
    private final OrderFixtures fixtures = returning.fixtures();
    private final Shop shop = returning.shop();
    private final Actor admin = Actor.staff(UUID.randomUUID().toString(), "admin", StaffRole.RETAILER_ADMIN,
            shop.tenant());

    protected abstract Ordering ordering();

    @Test
    void a_partial_return_refunds_its_goods_tax_and_freight_share_then_the_rest_returns_the_order() {
        settle(FREIGHT_FEN, "MERCHANT_PAYS");
        Bought order = bought(3, 1);
        OrderDetails before = details(order.orderNo());
        OrderLine tins = before.lines().get(0);
        long tinsOnHand = fixtures.onHand(shop, order.skuA());
        Money quotaBefore = held(order);

        ReturnRequest first = accepted(order, List.of(new RequestReturn.Item(order.skuA(), 1)));
        GoodsReceipts.Receipt receipt = asShop(() -> receipts().byStaff(admin, first.returnNo()));

        Money goods = tins.unitPrice();
        Money tax = tins.tax().total().allocate(List.of(1L, 2L)).get(0);
        Money freight = Money.ofFen(FREIGHT_FEN).allocate(List.of(goods.fen(),
                before.order().amounts().goodsValue().fen() - goods.fen())).get(0);
        assertThat(freight.isPositive()).isTrue();
        assertThat(receipt.received()).isTrue();
        assertThat(receipt.request().status()).isEqualTo(ReturnStatus.GOODS_RECEIVED);
        assertThat(receipt.refund()).extracting(ReturnRefund::goods, ReturnRefund::tax, ReturnRefund::freight,
                ReturnRefund::quotaReduction, ReturnRefund::receivedBy)
                .containsExactly(goods, tax, freight, goods.plus(freight), admin.id());
        assertThat(fixtures.onHand(shop, order.skuA())).isEqualTo(tinsOnHand + 1);
        assertThat(held(order)).isEqualTo(quotaBefore.minus(goods.plus(freight)));
        assertThat(status(order.orderNo())).isEqualTo(OrderStatus.PARTIALLY_RETURNED);
        assertThat(refunds(order.orderNo())).as("the refund waits for the outbox").isEmpty();

        dispatch();

        assertThat(refunds(order.orderNo())).singleElement().satisfies(refund -> {
            assertThat(refund.outRequestNo()).isEqualTo(first.returnNo());
            assertThat(Money.ofYuan(refund.amount())).isEqualTo(goods.plus(tax).plus(freight));
        });
        assertThat(returnOf(first.returnNo()).status()).isEqualTo(ReturnStatus.REFUNDED);

        ReturnRequest rest = accepted(order, List.of(new RequestReturn.Item(order.skuA(), 2),
                new RequestReturn.Item(order.skuB(), 1)));
        GoodsReceipts.Receipt second = asShop(() -> receipts().byDevice("dev-1", rest.returnNo()));
        assertThat(second.refund().receivedBy()).isEqualTo("device:dev-1");
        assertThat(status(order.orderNo())).isEqualTo(OrderStatus.RETURNED);
        assertThat(fixtures.onHand(shop, order.skuA())).isEqualTo(tinsOnHand + 3);
        dispatch();
        assertThat(refunds(order.orderNo())).hasSize(2);
        Money refunded = Money.sum(refunds(order.orderNo()).stream().map(r -> Money.ofYuan(r.amount())).toList());
        assertThat(refunded).as("everything back: the whole payment, give or take the freight's rounding")
                .isBetween(before.order().amounts().total().minus(Money.ofFen(1)), before.order().amounts().total());
        assertThat(returnOf(rest.returnNo()).status()).isEqualTo(ReturnStatus.REFUNDED);
    }

    @Test
    void when_the_buyer_pays_the_return_freight_none_of_it_is_refunded() {
        settle(FREIGHT_FEN, null);
        Bought order = bought(2, 1);
        OrderLine parcel = details(order.orderNo()).lines().get(1);

        ReturnRequest ret = accepted(order, List.of(new RequestReturn.Item(order.skuB(), 1)));
        ReturnRefund refund = asShop(() -> receipts().byStaff(admin, ret.returnNo())).refund();

        assertThat(refund.freight()).isEqualTo(Money.ZERO);
        assertThat(refund.amount()).isEqualTo(parcel.value().plus(parcel.tax().total()));
    }

    @Test
    void a_second_confirmation_answers_the_same_and_changes_nothing_other_statuses_are_409() {
        Bought order = bought(2, 1);
        ReturnRequest ret = accepted(order, List.of(new RequestReturn.Item(order.skuA(), 1)));
        GoodsReceipts.Receipt once = asShop(() -> receipts().byStaff(admin, ret.returnNo()));
        long onHand = fixtures.onHand(shop, order.skuA());
        Money held = held(order);

        GoodsReceipts.Receipt again = asShop(() -> receipts().byDevice("dev-1", ret.returnNo()));

        assertThat(again.received()).isFalse();
        assertThat(again.refund()).isEqualTo(once.refund());
        assertThat(fixtures.onHand(shop, order.skuA())).isEqualTo(onHand);
        assertThat(held(order)).isEqualTo(held);
        assertThat(receivedEvents(ret.returnNo())).isEqualTo(1);
        dispatch();
        asShop(() -> receipts().byStaff(admin, ret.returnNo()));
        assertThat(returnOf(ret.returnNo()).status()).isEqualTo(ReturnStatus.REFUNDED);

        ReturnRequest requested = asShop(() -> context.getBean(ShopperReturns.class).request(order.orderNo(),
                order.token(), new RequestReturn(List.of(new RequestReturn.Item(order.skuB(), 1)), "x")));
        assertThatThrownBy(() -> asShop(() -> receipts().byStaff(admin, requested.returnNo())))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is REQUESTED");
        assertThatThrownBy(() -> asShop(() -> receipts().byStaff(admin, "R0000000000000")))
                .isInstanceOf(NotFoundException.class);
        Shop other = fixtures.shop();
        Actor otherAdmin = Actor.staff(UUID.randomUUID().toString(), "o", StaffRole.RETAILER_ADMIN, other.tenant());
        assertThatThrownBy(() -> TenantContext.callAs(other.tenant(), () -> receipts().byStaff(otherAdmin,
                ret.returnNo()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void confirmations_at_once_receive_the_goods_once() throws Exception {
        Bought order = bought(2, 1);
        ReturnRequest ret = accepted(order, List.of(new RequestReturn.Item(order.skuA(), 2)));
        long onHand = fixtures.onHand(shop, order.skuA());
        Money held = held(order);
        int threads = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        List<GoodsReceipts.Receipt> answers;
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<GoodsReceipts.Receipt>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                boolean device = i % 2 == 0;
                futures.add(pool.submit(() -> {
                    start.await();
                    return asShop(() -> device ? receipts().byDevice("dev-1", ret.returnNo())
                            : receipts().byStaff(admin, ret.returnNo()));
                }));
            }
            start.countDown();
            answers = new java.util.ArrayList<>();
            for (var future : futures) {
                answers.add(future.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers).filteredOn(GoodsReceipts.Receipt::received).hasSize(1);
        assertThat(answers).extracting(GoodsReceipts.Receipt::refund).containsOnly(answers.get(0).refund());
        assertThat(fixtures.onHand(shop, order.skuA())).isEqualTo(onHand + 2);
        assertThat(held(order)).isEqualTo(held.minus(answers.get(0).refund().quotaReduction()));
        assertThat(receivedEvents(ret.returnNo())).isEqualTo(1);
    }

    @Test
    void a_failed_refund_is_alerted_and_retried_and_paid_once_even_when_alipay_answer_was_lost() {
        Bought order = bought(2, 1);
        ReturnRequest ret = accepted(order, List.of(new RequestReturn.Item(order.skuA(), 2)));
        ReturnRefund refund = asShop(() -> receipts().byStaff(admin, ret.returnNo())).refund();

        fake.faults().failNext(1);
        assertThatThrownBy(() -> asShop(() -> refunding().refund(ret.returnNo()))).isInstanceOf(RuntimeException.class);
        assertThat(returnOf(ret.returnNo()).status()).isEqualTo(ReturnStatus.GOODS_RECEIVED);
        assertThat(refunds(order.orderNo())).isEmpty();
        assertThat(alerts(ret.returnNo())).isEqualTo(1);

        fake.faults().loseNextAnswers(1);
        assertThatThrownBy(() -> asShop(() -> refunding().refund(ret.returnNo()))).isInstanceOf(RuntimeException.class);
        assertThat(returnOf(ret.returnNo()).status()).as("the answer was lost: not known as refunded")
                .isEqualTo(ReturnStatus.GOODS_RECEIVED);
        assertThat(refunds(order.orderNo())).as("but Alipay paid it").hasSize(1);

        assertThat(asShop(() -> refunding().refund(ret.returnNo())).status()).isEqualTo(ReturnStatus.REFUNDED);
        asShop(() -> refunding().refund(ret.returnNo()));
        dispatch();
        assertThat(refunds(order.orderNo())).singleElement().satisfies(paid -> {
            assertThat(paid.outRequestNo()).isEqualTo(ret.returnNo());
            assertThat(Money.ofYuan(paid.amount())).isEqualTo(refund.amount());
        });
        assertThat(alerts(ret.returnNo())).as("one alert per return").isEqualTo(1);
    }

    @Test
    void a_refund_alipay_refuses_for_good_stops_until_an_admin_retries_it_and_is_then_paid_once() {
        Bought order = bought(2, 1);
        ReturnRequest ret = accepted(order, List.of(new RequestReturn.Item(order.skuA(), 1)));
        ReturnRefund refund = asShop(() -> receipts().byStaff(admin, ret.returnNo())).refund();
        assertThatThrownBy(() -> asShop(() -> retries().retry(admin, ret.returnNo())))
                .as("only a failed refund is retried by hand").isInstanceOf(ConflictException.class);

        fake.faults().refuseNextRefunds(1, "ACQ.TRADE_STATUS_ERROR");
        dispatch();
        assertThat(returnOf(ret.returnNo()).status()).isEqualTo(ReturnStatus.REFUND_FAILED);
        assertThat(failures(ret.returnNo(), "ACQ.TRADE_STATUS_ERROR")).isEqualTo(1);
        assertThat(alerts(ret.returnNo())).isEqualTo(1);
        assertThat(refundDeliveries(ret.returnNo(), "DONE")).as("not retried: the delivery is done").isEqualTo(1);
        returning.later(Duration.ofDays(1), () -> {
            dispatch();
            return null;
        });
        assertThat(refunds(order.orderNo())).as("nothing asked again, nothing paid").isEmpty();
        assertThat(returnOf(ret.returnNo()).status()).isEqualTo(ReturnStatus.REFUND_FAILED);
        assertThat(details(order.orderNo()).history()).extracting(HistoryEntry::reason)
                .anySatisfy(note -> assertThat(note).startsWith("return " + ret.returnNo()
                        + " refund failed: ACQ.TRADE_STATUS_ERROR"));

        fake.faults().loseNextAnswers(1);
        assertThat(asShop(() -> retries().retry(admin, ret.returnNo())).status()).isEqualTo(ReturnStatus.GOODS_RECEIVED);
        assertThat(failures(ret.returnNo(), "ACQ.TRADE_STATUS_ERROR")).as("the failure cleared").isZero();
        dispatch();
        assertThat(refunds(order.orderNo())).as("paid, its answer lost").hasSize(1);
        returning.later(Duration.ofDays(1), () -> {
            dispatch();
            return null;
        });
        assertThat(returnOf(ret.returnNo()).status()).isEqualTo(ReturnStatus.REFUNDED);
        assertThat(refunds(order.orderNo())).singleElement().satisfies(paid -> {
            assertThat(paid.outRequestNo()).isEqualTo(ret.returnNo());
            assertThat(Money.ofYuan(paid.amount())).isEqualTo(refund.amount());
        });
        assertThatThrownBy(() -> asShop(() -> retries().retry(admin, ret.returnNo())))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void a_refusal_retrying_can_fix_keeps_the_refund_queued() {
        Bought order = bought(1, 1);
        ReturnRequest ret = accepted(order, List.of(new RequestReturn.Item(order.skuB(), 1)));
        asShop(() -> receipts().byStaff(admin, ret.returnNo()));

        fake.faults().refuseNextRefunds(1, "ACQ.SYSTEM_ERROR");
        assertThatThrownBy(() -> asShop(() -> refunding().refund(ret.returnNo())))
                .as("back to the outbox, which tries again").isInstanceOf(RuntimeException.class);
        assertThat(returnOf(ret.returnNo()).status()).isEqualTo(ReturnStatus.GOODS_RECEIVED);
        assertThat(alerts(ret.returnNo())).isEqualTo(1);
        assertThat(refunds(order.orderNo())).isEmpty();
        dispatch();
        assertThat(returnOf(ret.returnNo()).status()).isEqualTo(ReturnStatus.REFUNDED);
        assertThat(refunds(order.orderNo())).hasSize(1);
    }

    @Test
    void goods_are_taken_until_the_end_of_the_45th_day_after_release_then_the_return_expires() {
        Bought order = bought(3, 1);
        ReturnRequest lastMoment = accepted(order, List.of(new RequestReturn.Item(order.skuA(), 1)));
        ReturnRequest late = accepted(order, List.of(new RequestReturn.Item(order.skuA(), 1)));
        ReturnRequest approvedOnly = accepted(order, List.of(new RequestReturn.Item(order.skuB(), 1)));
        fixtures.execute("UPDATE order_returns SET status = 'APPROVED' WHERE return_no = ?", approvedOnly.returnNo());
        Instant closes = ChinaTime.endOfDay(ChinaTime.dateOf(order.releasedAt()).plusDays(45));
        Duration untilClosed = Duration.between(returning.clock().instant(), closes);
        Money held = held(order);

        returning.later(untilClosed.minusNanos(1000), () -> {
            assertThat(asShop(() -> receipts().byStaff(admin, lastMoment.returnNo())).received()).isTrue();
            expiry().expireDue();
            return null;
        });
        assertThat(returnOf(late.returnNo()).status()).as("not due a microsecond before").isEqualTo(ReturnStatus.ACCEPTED);
        Money afterFirst = held(order);
        assertThat(afterFirst).isLessThan(held);

        returning.later(untilClosed, () -> {
            assertThatThrownBy(() -> asShop(() -> receipts().byStaff(admin, late.returnNo())))
                    .isInstanceOf(ReturnRefusedException.class).hasFieldOrPropertyWithValue("code", "RETURN_EXPIRED")
                    .hasMessageContaining("the last day was " + ChinaTime.dateOf(order.releasedAt()).plusDays(45));
            assertThat(expiry().round()).as("this instance's round").hasValueSatisfying(expired ->
                    assertThat(expired).isGreaterThanOrEqualTo(2));
            assertThat(expiry().round()).as("the round's lock is held: another instance's round is skipped").isEmpty();
            assertThat(expiry().expireDue()).as("a second round (the lock store down) changes nothing").isZero();
            return null;
        });
        assertThat(returnOf(late.returnNo()).status()).isEqualTo(ReturnStatus.EXPIRED);
        assertThat(returnOf(approvedOnly.returnNo()).status()).isEqualTo(ReturnStatus.EXPIRED);
        assertThat(returnOf(lastMoment.returnNo()).status()).isEqualTo(ReturnStatus.GOODS_RECEIVED);
        assertThat(held(order)).as("expiry changes no quota").isEqualTo(afterFirst);
        assertThat(receivedEvents(late.returnNo())).isZero();
        assertThat(status(order.orderNo())).isEqualTo(OrderStatus.PARTIALLY_RETURNED);
    }

    // --- the shop's steps

    /** An order of {@code a} units of one SKU and {@code b} of another, paid and released. */
    private record Bought(String orderNo, String token, String skuA, String skuB, ResidentIdNumber buyer,
                          Instant releasedAt, Year year) {
    }

    private Bought bought(int a, int b) {
        String skuA = fixtures.product(shop, 29900, 10);
        String skuB = fixtures.product(shop, 12000, 10);
        Carts carts = context.getBean(Carts.class);
        String cartId = asShop(() -> {
            String id = carts.create(shop.store()).cart().id();
            carts.setQuantity(id, skuA, BigDecimal.valueOf(a));
            carts.setQuantity(id, skuB, BigDecimal.valueOf(b));
            return id;
        });
        ResidentIdNumber buyer = TestBuyers.newBuyer();
        PlacedOrder placed = asShop(() -> context.getBean(OrderPlacement.class).place(new PlaceOrder(cartId,
                shop.store(), new CheckoutFacts.Buyer("张三", buyer.value(), "13800138000"),
                new PlaceOrder.Consignee("张三", "13800138000", "440305", "广东省深圳市南山区科技园1号"), true,
                "ALIPAY_QR", null, URI.create("http://shop.test/s/x/orders/"))));
        String orderNo = placed.order().orderNo();
        fake.pay(orderNo);
        Clearances clearances = context.getBean(Clearances.class);
        asShop(() -> clearances.declaring(orderNo) && clearances.released(orderNo));
        Instant releasedAt = details(orderNo).history().stream().filter(entry -> entry.to() == OrderStatus.RELEASED)
                .findFirst().orElseThrow().at();
        return new Bought(orderNo, placed.orderToken(), skuA, skuB, buyer, releasedAt,
                placed.order().quotaYear());
    }

    /** Requested by the shopper, approved, then ACCEPTED as customs' acceptance of the CEB625 leaves it. */
    private ReturnRequest accepted(Bought order, List<RequestReturn.Item> items) {
        ReturnRequest requested = asShop(() -> context.getBean(ShopperReturns.class).request(order.orderNo(),
                order.token(), new RequestReturn(items, "not needed")));
        asShop(() -> context.getBean(ReturnDecisions.class).approve(admin, requested.returnNo()));
        fixtures.execute("UPDATE order_returns SET status = 'ACCEPTED' WHERE return_no = ?", requested.returnNo());
        return returnOf(requested.returnNo());
    }

    /** The shop's freight (flat, fen) and return freight policy (null: the default). */
    private void settle(long freightFen, String policy) {
        Settings settings = context.getBean(Settings.class);
        asShop(() -> {
            TenantSettings now = settings.current();
            return settings.replace(Actor.system(), new SettingsForm(now.alipayAppId(), null, now.alipayPublicKey(),
                    null, null, null, null, freightFen, null, policy, null, null));
        });
    }

    private Money held(Bought order) {
        return asShop(() -> context.getBean(AnnualQuotas.class).standing(order.buyer(), order.year())).held();
    }

    private List<FakeTrade.Refund> refunds(String orderNo) {
        return fake.trade(orderNo).orElseThrow().refunds();
    }

    private int receivedEvents(String returnNo) {
        return fixtures.count("SELECT COUNT(*) FROM outbox_events WHERE event_type = ? AND business_key = ?",
                ReturnReceived.TYPE, returnNo);
    }

    private int alerts(String returnNo) {
        return fixtures.count("SELECT COUNT(*) FROM alerts WHERE kind = ? AND subject = ?",
                RefundAlerts.REFUND_FAILED, returnNo);
    }

    private int failures(String returnNo, String code) {
        return fixtures.count("SELECT COUNT(*) FROM return_refunds WHERE return_no = ? AND failure_code = ?",
                returnNo, code);
    }

    private int refundDeliveries(String returnNo, String status) {
        return fixtures.count("SELECT COUNT(*) FROM outbox_deliveries d JOIN outbox_events e ON e.id = d.event_id "
                + "WHERE e.business_key = ? AND d.listener = ? AND d.status = ?", returnNo, ReturnRefunding.NAME, status);
    }

    private RefundRetries retries() {
        return context.getBean(RefundRetries.class);
    }

    private void dispatch() {
        context.getBean(OutboxDispatcher.class).dispatchDue();
    }

    private OrderDetails details(String orderNo) {
        return asShop(() -> context.getBean(OrderReading.class).details(orderNo));
    }

    private OrderStatus status(String orderNo) {
        return details(orderNo).order().status();
    }

    private ReturnRequest returnOf(String returnNo) {
        return asShop(() -> context.getBean(StaffReturns.class).get(admin, returnNo));
    }

    private GoodsReceipts receipts() {
        return context.getBean(GoodsReceipts.class);
    }

    private ReturnRefunding refunding() {
        return context.getBean(ReturnRefunding.class);
    }

    private ReturnExpiry expiry() {
        return context.getBean(ReturnExpiry.class);
    }

    private <T> T asShop(io.vitrine.kernel.tenancy.TenantContext.Work<T, RuntimeException> work) {
        return TenantContext.callAs(shop.tenant(), work);
    }
}
