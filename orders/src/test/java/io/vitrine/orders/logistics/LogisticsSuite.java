package io.vitrine.orders.logistics;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.error.BusinessRuleException;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.orders.carts.Carts;
import io.vitrine.orders.compliance.CheckoutFacts;
import io.vitrine.orders.ordering.HistoryEntry;
import io.vitrine.orders.ordering.OrderDetails;
import io.vitrine.orders.ordering.OrderPlacement;
import io.vitrine.orders.ordering.OrderReading;
import io.vitrine.orders.ordering.OrderStatus;
import io.vitrine.orders.ordering.PlaceOrder;
import io.vitrine.orders.testing.OrderFixtures;
import io.vitrine.orders.testing.OrderFixtures.Shop;
import io.vitrine.orders.testing.OrderingContexts.Ordering;
import io.vitrine.orders.testing.TestBuyers;
import io.vitrine.tools.fakealipay.FakeAlipay;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The logistics leg on H2 and on MariaDB: orders placed and paid through the fake Alipay, then a partner device's
 * waybills and shipment reports — recorded once, replays changing nothing, another tenant's order not found, one
 * number per company platform-wide, replacing only before declaration, every bad field named, and the order moved
 * RELEASED → SHIPPED → DELIVERED only in that order. Customs is not built yet: a test releases an order in SQL.
 */
abstract class LogisticsSuite {

    static final String SF = "4403180ABC";              // a customs registration code
    static final String SF_USCC = "91350100M000100Y43";  // a USCC (domain.md's vector)
    static final String DEVICE = "partner-1";

    private ApplicationContext context;
    private FakeAlipay fake;
    private OrderFixtures fixtures;
    private Shop shop;

    protected abstract Ordering ordering();

    @BeforeEach
    void setUp() {
        context = ordering().context();
        fake = ordering().fake();
        fixtures = new OrderFixtures(context, fake);
        shop = fixtures.shop();
    }

    @Test
    void a_waybill_for_a_paid_order_is_recorded_once_with_its_event_and_a_replay_changes_nothing() {
        String orderNo = paidOrder(shop, "1210");
        String number = waybillNo();

        WaybillRegister.Assignment first = assign(shop, orderNo, SF, number);
        WaybillRegister.Assignment again = assign(shop, orderNo, SF, number);

        assertThat(first.recorded()).isTrue();
        assertThat(again.recorded()).isFalse();
        assertThat(again.waybill()).isEqualTo(first.waybill());
        assertThat(first.waybill()).extracting(Waybill::logisticsCode, Waybill::logisticsName, Waybill::logisticsNo,
                Waybill::deviceKey).containsExactly(SF, "顺丰速运", number, DEVICE);
        assertThat(events(orderNo)).isEqualTo(1);
        assertThat(fixtures.count("SELECT COUNT(*) FROM order_waybills WHERE order_no = ?", orderNo)).isEqualTo(1);
        assertThat(details(shop, orderNo).history()).filteredOn(entry -> entry.kind() == HistoryEntry.Kind.NOTE)
                .extracting(HistoryEntry::actor, HistoryEntry::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("device:" + DEVICE,
                        "waybill " + number + " (" + SF + ")"));
        assertThat(status(shop, orderNo)).isEqualTo(OrderStatus.PAID);
    }

    /**
     * A partner posting many orders' waybills at once (the customs-pipeline benchmark does): each first waybill is
     * recorded. On MariaDB a DELETE of the missing row before the INSERT took a gap lock, and concurrent first
     * waybills of different orders deadlocked (a 500 to the partner).
     */
    @Test
    void first_waybills_of_different_orders_posted_at_once_are_all_recorded() throws Exception {
        int threads = 8;
        for (int round = 0; round < 3; round++) {
            List<String> orders = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                orders.add(paidOrder(shop, "1210"));
            }
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            try {
                List<java.util.concurrent.Future<WaybillRegister.Assignment>> posts = new java.util.ArrayList<>();
                for (String orderNo : orders) {
                    posts.add(pool.submit(() -> {
                        start.await();
                        return assign(shop, orderNo, SF, waybillNo());
                    }));
                }
                for (java.util.concurrent.Future<WaybillRegister.Assignment> post : posts) {
                    assertThat(post.get(60, java.util.concurrent.TimeUnit.SECONDS).recorded()).isTrue();
                }
            } finally {
                pool.shutdownNow();
            }
            for (String orderNo : orders) {
                assertThat(fixtures.count("SELECT COUNT(*) FROM order_waybills WHERE order_no = ?", orderNo))
                        .isEqualTo(1);
                assertThat(events(orderNo)).isEqualTo(1);
            }
        }
    }

    @Test
    void another_tenants_order_is_not_found_and_gets_no_waybill() {
        String orderNo = paidOrder(shop, "1210");
        Shop other = fixtures.shop();

        assertThatThrownBy(() -> assign(other, orderNo, SF, waybillNo())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> assign(other, "V2611300000000000", SF, waybillNo()))
                .isInstanceOf(NotFoundException.class).hasMessage(WaybillRegister.NOT_FOUND);
        assertThatThrownBy(() -> report(other, orderNo, "X1", "SHIPPED")).isInstanceOf(NotFoundException.class);
        assertThat(fixtures.count("SELECT COUNT(*) FROM order_waybills WHERE order_no = ?", orderNo)).isZero();
        assertThat(events(orderNo)).isZero();
    }

    @Test
    void a_different_waybill_replaces_the_first_only_before_the_order_is_declared() {
        String orderNo = paidOrder(shop, "9610");
        String first = waybillNo();
        String second = waybillNo();
        assign(shop, orderNo, SF, first);

        WaybillRegister.Assignment replaced = assign(shop, orderNo, SF_USCC, second);

        assertThat(replaced.recorded()).isTrue();
        assertThat(of(shop, orderNo)).hasValueSatisfying(waybill -> assertThat(waybill.logisticsNo()).isEqualTo(second));
        assertThat(events(orderNo)).isEqualTo(2);
        assertThat(fixtures.strings("SELECT payload FROM outbox_events WHERE event_type = ? AND business_key = ?",
                WaybillAssigned.TYPE, orderNo)).anySatisfy(payload -> assertThat(payload)
                .contains("\"replacedLogisticsNo\":\"" + first + "\"", second, "\"tradeMode\":\"9610\""));
        // the first number is free again
        String another = paidOrder(shop, "1210");
        assertThat(assign(shop, another, SF, first).recorded()).isTrue();

        setStatus(orderNo, OrderStatus.DECLARING);
        assertThatThrownBy(() -> assign(shop, orderNo, SF, waybillNo())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("before the order is declared");
        assertThat(assign(shop, orderNo, SF_USCC, second).recorded()).as("the same again is still a replay").isFalse();
        assertThat(events(orderNo)).isEqualTo(2);
    }

    @Test
    void one_company_number_belongs_to_one_order_across_tenants() {
        String orderNo = paidOrder(shop, "1210");
        Shop other = fixtures.shop();
        String otherOrder = paidOrder(other, "1210");
        String number = waybillNo();
        assign(shop, orderNo, SF, number);

        assertThatThrownBy(() -> assign(other, otherOrder, SF, number)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("another order");

        assertThat(of(other, otherOrder)).isEmpty();
        assertThat(events(otherOrder)).isZero();
        assertThat(assign(other, otherOrder, SF_USCC, number).recorded()).as("another company's same number")
                .isTrue();
    }

    @Test
    void bad_fields_are_refused_each_with_its_rule_and_nothing_is_recorded() {
        String orderNo = paidOrder(shop, "1210");

        assertThat(rules(() -> register().assign(new PostWaybill(orderNo, "91350100M000100Y44", " ", "SF 123"), DEVICE)))
                .containsExactlyInAnyOrder("logisticsCode:ENTERPRISE_CODE_FORM", "logisticsName:REQUIRED",
                        "logisticsNo:NO_BLANKS");
        assertThat(rules(() -> register().assign(new PostWaybill(null, "44031", "SF", "9".repeat(61)), DEVICE)))
                .containsExactlyInAnyOrder("orderNo:REQUIRED", "logisticsCode:ENTERPRISE_CODE_FORM",
                        "logisticsNo:TOO_LONG");
        assertThat(rules(() -> register().assign(new PostWaybill(orderNo, null, "SF", " SF1"), DEVICE)))
                .containsExactlyInAnyOrder("logisticsCode:REQUIRED", "logisticsNo:NO_BLANKS");
        assertThat(rules(() -> tracking().report(new ReportShipment(orderNo, "", "LOST", "yesterday"), DEVICE)))
                .containsExactlyInAnyOrder("logisticsNo:REQUIRED", "status:NOT_ONE_OF", "at:DATE_TIME");
        assertThat(rules(() -> tracking().report(new ReportShipment(orderNo, "X", "SHIPPED",
                Instant.now().plus(1, ChronoUnit.HOURS).toString()), DEVICE))).containsExactly("at:IN_THE_FUTURE");
        assertThat(fixtures.count("SELECT COUNT(*) FROM order_waybills WHERE order_no = ?", orderNo)).isZero();
        assertThat(events(orderNo)).isZero();
    }

    @Test
    void unpaid_cancelled_and_duty_paid_orders_take_no_waybill() {
        String unpaid = placedOrder(shop, "1210");
        assertThatThrownBy(() -> assign(shop, unpaid, SF, waybillNo())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("not paid");
        String general = paidOrder(shop, "GENERAL");
        assertThatThrownBy(() -> assign(shop, general, SF, waybillNo())).isInstanceOf(BusinessRuleException.class)
                .satisfies(e -> assertThat(((BusinessRuleException) e).code()).isEqualTo("NOT_CROSS_BORDER"));
        String cancelled = paidOrder(shop, "1210");
        setStatus(cancelled, OrderStatus.CANCELLED);
        assertThatThrownBy(() -> assign(shop, cancelled, SF, waybillNo())).isInstanceOf(ConflictException.class);
        assertThat(events(unpaid) + events(general) + events(cancelled)).isZero();
    }

    @Test
    void a_released_order_is_shipped_then_delivered_by_the_partner_and_replays_change_nothing() {
        String orderNo = paidOrder(shop, "1210");
        String number = waybillNo();
        assign(shop, orderNo, SF, number);
        assertThatThrownBy(() -> report(shop, orderNo, number, "SHIPPED")).as("not released yet")
                .isInstanceOf(ConflictException.class).hasMessageContaining("only once it is RELEASED");
        setStatus(orderNo, OrderStatus.RELEASED);
        assertThatThrownBy(() -> report(shop, orderNo, number, "DELIVERED")).as("delivered before shipped")
                .isInstanceOf(ConflictException.class).hasMessageContaining("only once it is SHIPPED");

        java.time.OffsetDateTime inChina = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8))
                .truncatedTo(ChronoUnit.SECONDS);
        String shippedAt = inChina.minusHours(5).toString();
        String deliveredAt = inChina.minusHours(1).toString();
        ShipmentTracking.Shipment shipped = as(shop, () -> tracking().report(new ReportShipment(orderNo, number, "SHIPPED",
                shippedAt), DEVICE));
        ShipmentTracking.Shipment replay = as(shop, () -> tracking().report(new ReportShipment(orderNo, number, "SHIPPED",
                deliveredAt), DEVICE));

        assertThat(shipped.moved()).isTrue();
        assertThat(replay.moved()).isFalse();
        assertThat(shipped.waybill().shippedAt()).isEqualTo(inChina.minusHours(5).toInstant());
        assertThat(replay.waybill().shippedAt()).as("the first report's time stays")
                .isEqualTo(inChina.minusHours(5).toInstant());
        assertThat(status(shop, orderNo)).isEqualTo(OrderStatus.SHIPPED);

        ShipmentTracking.Shipment delivered = as(shop, () -> tracking().report(new ReportShipment(orderNo, number, "DELIVERED",
                deliveredAt), DEVICE));
        assertThat(delivered.moved()).isTrue();
        assertThat(delivered.waybill().deliveredAt()).isEqualTo(inChina.minusHours(1).toInstant());
        assertThat(report(shop, orderNo, number, "DELIVERED").moved()).isFalse();
        assertThat(report(shop, orderNo, number, "SHIPPED").moved()).as("shipped after delivered: a late replay")
                .isFalse();
        List<HistoryEntry> transitions = details(shop, orderNo).history().stream()
                .filter(entry -> entry.kind() == HistoryEntry.Kind.TRANSITION).toList();
        assertThat(transitions).extracting(HistoryEntry::to).containsSubsequence(OrderStatus.SHIPPED,
                OrderStatus.DELIVERED).endsWith(OrderStatus.DELIVERED);
        assertThat(transitions.get(transitions.size() - 2)).extracting(HistoryEntry::actor, HistoryEntry::reason)
                .containsExactly("device:" + DEVICE, "shipped at " + shippedAt + " (waybill " + number + ")");
        assertThat(transitions).filteredOn(entry -> entry.to() == OrderStatus.SHIPPED).hasSize(1);
        assertThat(status(shop, orderNo)).isEqualTo(OrderStatus.DELIVERED);
    }

    @Test
    void a_report_must_name_the_orders_waybill() {
        String orderNo = paidOrder(shop, "1210");
        setStatus(orderNo, OrderStatus.RELEASED);
        assertThatThrownBy(() -> report(shop, orderNo, "SF1", "SHIPPED")).isInstanceOf(BusinessRuleException.class)
                .satisfies(e -> assertThat(((BusinessRuleException) e).code()).isEqualTo("NO_WAYBILL"));
        assign(shop, orderNo, SF, waybillNo());
        assertThatThrownBy(() -> report(shop, orderNo, "SF1", "SHIPPED")).isInstanceOf(BusinessRuleException.class)
                .satisfies(e -> assertThat(((BusinessRuleException) e).code()).isEqualTo("WAYBILL_MISMATCH"));
        assertThat(status(shop, orderNo)).isEqualTo(OrderStatus.RELEASED);
    }

    // --- helpers

    private WaybillRegister.Assignment assign(Shop in, String orderNo, String code, String number) {
        return as(in, () -> register().assign(new PostWaybill(orderNo, code, "顺丰速运", number), DEVICE));
    }

    private ShipmentTracking.Shipment report(Shop in, String orderNo, String number, String status) {
        return as(in, () -> tracking().report(new ReportShipment(orderNo, number, status,
                "2026-11-30T08:00:00+08:00"), DEVICE));
    }

    private java.util.Optional<Waybill> of(Shop in, String orderNo) {
        return as(in, () -> register().of(orderNo));
    }

    private List<String> rules(Runnable call) {
        return as(shop, () -> {
            try {
                call.run();
            } catch (InvalidInputException e) {
                return e.errors().stream().map(error -> error.field() + ":" + error.rule()).toList();
            }
            throw new AssertionError("accepted");
        });
    }

    private int events(String orderNo) {
        return fixtures.count("SELECT COUNT(*) FROM outbox_events WHERE event_type = ? AND business_key = ?",
                WaybillAssigned.TYPE, orderNo);
    }

    /** Customs (not built yet) or the shop moved the order: written straight into the row, version bumped. */
    private void setStatus(String orderNo, OrderStatus status) {
        fixtures.execute("UPDATE orders SET status = ?, version = version + 1 WHERE order_no = ?", status.name(),
                orderNo);
    }

    private String placedOrder(Shop in, String tradeMode) {
        String sku = "GENERAL".equals(tradeMode)
                ? fixtures.product(in, 4900, "GENERAL", OrderFixtures.LISTED_HS_CODE, 5)
                : fixtures.product(in, 29900, tradeMode, OrderFixtures.LISTED_HS_CODE, 5);
        Carts carts = context.getBean(Carts.class);
        String cartId = as(in, () -> {
            String id = carts.create(in.store()).cart().id();
            carts.setQuantity(id, sku, BigDecimal.ONE);
            return id;
        });
        return as(in, () -> context.getBean(OrderPlacement.class).place(new PlaceOrder(cartId, in.store(),
                new CheckoutFacts.Buyer("张三", TestBuyers.newBuyer().value(), "13800138000"),
                new PlaceOrder.Consignee("张三", "13800138000", "440305", "广东省深圳市南山区科技园1号"), true, "ALIPAY_QR",
                null, URI.create("http://shop.test/s/x/orders/")))).order().orderNo();
    }

    private String paidOrder(Shop in, String tradeMode) {
        String orderNo = placedOrder(in, tradeMode);
        fake.pay(orderNo);
        assertThat(status(in, orderNo)).isEqualTo(OrderStatus.PAID);
        return orderNo;
    }

    private OrderDetails details(Shop in, String orderNo) {
        return as(in, () -> context.getBean(OrderReading.class).details(orderNo));
    }

    private OrderStatus status(Shop in, String orderNo) {
        return details(in, orderNo).order().status();
    }

    private static String waybillNo() {
        return "SF" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(java.util.Locale.ROOT);
    }

    private WaybillRegister register() {
        return context.getBean(WaybillRegister.class);
    }

    private ShipmentTracking tracking() {
        return context.getBean(ShipmentTracking.class);
    }

    private <T> T as(Shop in, TenantContext.Work<T, RuntimeException> work) {
        return TenantContext.callAs(in.tenant(), work);
    }
}
