package io.vitrine.oversight.risk;

import io.micronaut.context.ApplicationContext;
import io.vitrine.customs.declaration.ReleasedFromHold;
import io.vitrine.kernel.codes.ResidentIdNumber;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.ordering.ClearanceCancellations;
import io.vitrine.orders.ordering.ClearanceRefusal;
import io.vitrine.orders.ordering.Order;
import io.vitrine.orders.ordering.OrderPaid;
import io.vitrine.orders.ordering.OrderStatus;
import io.vitrine.orders.testing.TestBuyers;
import io.vitrine.tenants.audit.AuditEvent;
import io.vitrine.tenants.audit.AuditTrail;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Risk control end to end, on H2 and on MariaDB: paid orders screened by the park's rules before the declaration
 * (each rule flags at its threshold and not one order before), a held order not declared (no CEB311 stored, no
 * file in the exchange's send folder), its review releasing it (declared exactly once) or cancelling it (refunded
 * once), a second review refused, another tenant's flag not found, every decision audited.
 */
abstract class RiskSuite {

    private final RiskShop shop = new RiskShop(screening());
    private final ApplicationContext context = shop.context();

    protected abstract RiskContexts.Screening screening();

    @Test
    void with_every_rule_off_a_paid_order_is_declared_and_recorded_by_blind_indexes_only() throws Exception {
        String sku = shop.product(10_000);
        ResidentIdNumber buyer = TestBuyers.newBuyer();

        String orderNo = shop.screenedOrder(sku, buyer);

        assertThat(shop.status(orderNo)).isEqualTo(OrderStatus.DECLARING);
        assertThat(shop.declarations(orderNo)).isEqualTo(1);
        assertThat(flag(orderNo)).isNull();
        List<String> stored = shop.fixtures().strings("SELECT CONCAT(buyer_id_index, '|', consignee_phone_index, '|', "
                + "consignee_address_index) FROM risk_screenings WHERE order_no = ?", orderNo);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0)).doesNotContain(buyer.value()).doesNotContain("13800138000").doesNotContain("科技园");
        Order order = shop.order(orderNo);
        assertThat(stored.get(0)).startsWith(order.personal().buyerIdIndex() + "|");
    }

    @Test
    void frequent_buyer_holds_the_order_that_reaches_the_threshold_and_not_the_one_before() throws Exception {
        shop.turnOn(RiskRule.FREQUENT_BUYER, 3, 24, 0);
        String sku = shop.product(10_000);
        ResidentIdNumber buyer = TestBuyers.newBuyer();

        String first = shop.screenedOrder(sku, buyer);
        String second = shop.screenedOrder(sku, buyer);
        String other = shop.screenedOrder(sku, TestBuyers.newBuyer());
        String third = shop.screenedOrder(sku, buyer);

        assertThat(List.of(first, second, other)).allSatisfy(no -> {
            assertThat(shop.status(no)).isEqualTo(OrderStatus.DECLARING);
            assertThat(shop.declarations(no)).isEqualTo(1);
        });
        assertThat(shop.status(third)).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(shop.declarations(third)).isZero();
        assertThat(shop.sentFiles(third)).isEmpty();
        assertThat(shop.fixtures().count("SELECT COUNT(*) FROM declarations WHERE order_no = ?", third)).isZero();
        RiskFlag flag = flag(third);
        assertThat(flag.status()).isEqualTo(FlagStatus.OPEN);
        assertThat(flag.rules()).containsExactly(RiskRule.FREQUENT_BUYER);
        assertThat(flag.evidence()).contains("3 orders of one ID number within 24 h").doesNotContain(buyer.value());
        assertThat(shop.as(() -> context.getBean(io.vitrine.orders.ordering.OrderReading.class).details(third))
                .history()).anySatisfy(h -> assertThat(h.reason()).contains("FREQUENT_BUYER"));
    }

    @Test
    void proxy_buying_holds_the_order_of_the_nth_id_number_shipping_to_one_address() {
        shop.turnOn(RiskRule.PROXY_BUYING, 3, 168, 0);
        String sku = shop.product(10_000);
        String address = "广东省深圳市南山区后海大道" + UUID.randomUUID().toString().substring(0, 6) + "号";

        String a = screened(shop.paidOrder(sku, TestBuyers.newBuyer(), "13700000001", address));
        String aAgain = screened(shop.paidOrder(sku, TestBuyers.newBuyer(), "13700000002", address));
        String elsewhere = screened(shop.paidOrder(sku, TestBuyers.newBuyer(), "13700000003", address + "A"));
        String c = screened(shop.paidOrder(sku, TestBuyers.newBuyer(), "13700000004", address));

        assertThat(List.of(a, aAgain, elsewhere)).allSatisfy(no -> assertThat(shop.status(no))
                .isEqualTo(OrderStatus.DECLARING));
        assertThat(shop.status(c)).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(flag(c).rules()).containsExactly(RiskRule.PROXY_BUYING);
        assertThat(flag(c).evidence()).contains("3 ID numbers shipping to one address");
    }

    @Test
    void proxy_buying_also_counts_id_numbers_shipping_to_one_consignee_phone() {
        shop.turnOn(RiskRule.PROXY_BUYING, 2, 168, 0);
        String sku = shop.product(10_000);
        String phone = "135" + String.format("%08d", Math.abs(UUID.randomUUID().hashCode()) % 100_000_000);

        String first = screened(shop.paidOrder(sku, TestBuyers.newBuyer(), phone, "广东省深圳市南山区海德一道1号"));
        String second = screened(shop.paidOrder(sku, TestBuyers.newBuyer(), phone, "广东省深圳市南山区海德一道2号"));

        assertThat(shop.status(first)).isEqualTo(OrderStatus.DECLARING);
        assertThat(shop.status(second)).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(flag(second).evidence()).contains("2 ID numbers shipping to one consignee phone");
    }

    @Test
    void order_splitting_counts_only_orders_just_under_the_single_limit() {
        shop.turnOn(RiskRule.ORDER_SPLITTING, 2, 72, 90);
        String nearLimit = shop.product(460_000);
        String small = shop.product(40_000);
        ResidentIdNumber buyer = TestBuyers.newBuyer();

        String firstNear = shop.screenedOrder(nearLimit, buyer);
        String smallOne = shop.screenedOrder(small, buyer);
        String smallTwo = shop.screenedOrder(small, buyer);
        String secondNear = shop.screenedOrder(nearLimit, buyer);

        assertThat(List.of(firstNear, smallOne, smallTwo)).allSatisfy(no -> assertThat(shop.status(no))
                .isEqualTo(OrderStatus.DECLARING));
        assertThat(shop.status(secondNear)).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(flag(secondNear).rules()).containsExactly(RiskRule.ORDER_SPLITTING);
        assertThat(flag(secondNear).evidence()).contains("2 orders of one ID number of at least 4500 CNY");
    }

    @Test
    void identity_failures_hold_the_next_order_of_a_buyer_whose_payer_was_not_the_buyer() {
        shop.turnOn(RiskRule.IDENTITY_FAILURES, 1, 720, 0);
        String sku = shop.product(10_000);
        ResidentIdNumber buyer = TestBuyers.newBuyer();
        String refused = shop.screenedOrder(sku, buyer);
        String unrelated = shop.screenedOrder(sku, TestBuyers.newBuyer());
        assertThat(shop.status(refused)).isEqualTo(OrderStatus.DECLARING);

        shop.as(() -> context.getBean(ClearanceCancellations.class).cancel(refused, ClearanceRefusal.PAYER_NOT_BUYER));
        shop.dispatch();
        String next = shop.screenedOrder(sku, buyer);
        String otherBuyer = shop.screenedOrder(sku, TestBuyers.newBuyer());

        assertThat(shop.status(refused)).isEqualTo(OrderStatus.CANCELLED);
        assertThat(shop.status(unrelated)).isEqualTo(OrderStatus.DECLARING);
        assertThat(shop.status(otherBuyer)).isEqualTo(OrderStatus.DECLARING);
        assertThat(shop.status(next)).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(flag(next).rules()).containsExactly(RiskRule.IDENTITY_FAILURES);
    }

    @Test
    void sales_spike_holds_a_store_order_once_the_window_reaches_the_threshold_above_its_usual_pace() {
        shop.turnOn(RiskRule.SALES_SPIKE, 3, 1, 200);
        String sku = shop.product(10_000);

        String first = shop.screenedOrder(sku, TestBuyers.newBuyer());
        String second = shop.screenedOrder(sku, TestBuyers.newBuyer());
        String third = shop.screenedOrder(sku, TestBuyers.newBuyer());

        assertThat(shop.status(first)).isEqualTo(OrderStatus.DECLARING);
        assertThat(shop.status(second)).isEqualTo(OrderStatus.DECLARING);
        assertThat(shop.status(third)).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(flag(third).rules()).containsExactly(RiskRule.SALES_SPIKE);
    }

    @Test
    void sales_spike_does_not_hold_a_store_at_its_usual_pace() {
        shop.turnOn(RiskRule.SALES_SPIKE, 3, 1, 200);
        String sku = shop.product(10_000);
        // the seven hours before: 3 orders an hour on average (21), so 3 now is the usual pace, not above 200 %
        for (int i = 0; i < 21; i++) {
            shop.fixtures().execute("INSERT INTO risk_screenings (order_no, tenant_id, scope_id, store_code, price_fen, "
                    + "paid_at) VALUES (?, ?, ?, ?, 100, ?)", "PAST-" + UUID.randomUUID().toString().substring(0, 20),
                    shop.shop().tenant().value(), shop.shop().tenant().value(), shop.shop().store(),
                    java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusHours(2 + i % 6).toString().replace('T', ' '));
        }

        List<String> orders = List.of(shop.screenedOrder(sku, TestBuyers.newBuyer()),
                shop.screenedOrder(sku, TestBuyers.newBuyer()), shop.screenedOrder(sku, TestBuyers.newBuyer()));

        assertThat(orders).allSatisfy(no -> assertThat(shop.status(no)).isEqualTo(OrderStatus.DECLARING));
    }

    @Test
    void a_released_order_is_declared_exactly_once_and_a_second_review_is_refused() throws Exception {
        String held = heldOrder();
        RiskFlag flag = flag(held);

        RiskFlag released = review().resolve(Set.of(shop.shop().tenant()), shop.parkAdmin(), flag.id(),
                RiskDecision.RELEASE, "checked with the buyer");
        shop.dispatch();

        assertThat(released.status()).isEqualTo(FlagStatus.RELEASED);
        assertThat(released.resolvedBy()).isEqualTo(shop.parkAdmin().id());
        assertThat(shop.status(held)).isEqualTo(OrderStatus.DECLARING);
        assertThat(shop.declarations(held)).isEqualTo(1);
        assertThat(shop.sentFiles(held)).hasSize(1);
        assertThatThrownBy(() -> review().resolve(Set.of(shop.shop().tenant()), shop.parkAdmin(), flag.id(),
                RiskDecision.RELEASE, null)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo(RiskReview.RESOLVED));
        assertThatThrownBy(() -> review().resolve(Set.of(shop.shop().tenant()), shop.parkAdmin(), flag.id(),
                RiskDecision.CANCEL, null)).isInstanceOf(ConflictException.class);

        shop.deliverAgain("customs.declare-released-order", ReleasedFromHold.TYPE, held);
        shop.deliverAgain("customs.declare-paid-order", OrderPaid.TYPE, held);
        shop.dispatch();

        assertThat(shop.declarations(held)).isEqualTo(1);
        assertThat(shop.sentFiles(held)).hasSize(1);
        assertThat(shop.status(held)).isEqualTo(OrderStatus.DECLARING);
        assertThat(shop.fixtures().count("SELECT COUNT(*) FROM outbox_events WHERE event_type = ? AND business_key = ?",
                ReleasedFromHold.TYPE, held)).isEqualTo(1);
        List<AuditEvent> audit = context.getBean(AuditTrail.class).historyOf(shop.shop().tenant(), "risk_flag", flag.id());
        assertThat(audit).extracting(AuditEvent::action).containsExactly("risk.flag.released");
        assertThat(audit.get(0).detail()).contains(held).contains("checked with the buyer");
    }

    @Test
    void a_cancelled_order_is_refunded_once_and_never_declared() throws Exception {
        String held = heldOrder();
        RiskFlag flag = flag(held);
        long paid = shop.order(held).paidAmount().fen();

        review().resolve(Set.of(shop.shop().tenant()), shop.parkAdmin(), flag.id(), RiskDecision.CANCEL, null);
        assertThatThrownBy(() -> review().resolve(Set.of(shop.shop().tenant()), shop.parkAdmin(), flag.id(),
                RiskDecision.CANCEL, null)).isInstanceOf(ConflictException.class);
        shop.dispatch();

        Order order = shop.order(held);
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.refunded().fen()).isEqualTo(paid);
        assertThat(order.refundRequestNo()).isEqualTo(held + "-C");
        assertThat(shop.declarations(held)).isZero();
        assertThat(shop.sentFiles(held)).isEmpty();
        assertThat(flag(held).status()).isEqualTo(FlagStatus.CANCELLED);
        assertThat(context.getBean(AuditTrail.class).historyOf(shop.shop().tenant(), "risk_flag", flag.id()))
                .extracting(AuditEvent::action).containsExactly("risk.flag.cancelled");
    }

    @Test
    void a_flag_of_another_tenant_is_not_found_and_changes_nothing() {
        String held = heldOrder();
        RiskFlag flag = flag(held);
        Set<TenantId> someoneElse = Set.of(TenantId.of(UUID.randomUUID().toString()));

        assertThatThrownBy(() -> review().resolve(someoneElse, shop.parkAdmin(), flag.id(), RiskDecision.RELEASE,
                null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> review().resolve(Set.of(), shop.parkAdmin(), flag.id(), RiskDecision.RELEASE,
                null)).isInstanceOf(NotFoundException.class);

        assertThat(flag(held).status()).isEqualTo(FlagStatus.OPEN);
        assertThat(shop.status(held)).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(queue().list(someoneElse, null)).isEmpty();
        assertThat(queue().list(Set.of(shop.shop().tenant()), FlagStatus.OPEN)).extracting(RiskFlag::orderNo)
                .containsExactly(held);
    }

    @Test
    void a_held_order_the_shop_cancelled_meanwhile_cannot_be_released_and_its_flag_stays_open() {
        String held = heldOrder();
        RiskFlag flag = flag(held);
        shop.as(() -> context.getBean(io.vitrine.orders.ordering.OrderCancellations.class).cancel(held, "shop", "x"));

        assertThatThrownBy(() -> review().resolve(Set.of(shop.shop().tenant()), shop.parkAdmin(), flag.id(),
                RiskDecision.RELEASE, null)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo(RiskReview.NOT_ON_HOLD));
        shop.dispatch();

        assertThat(flag(held).status()).isEqualTo(FlagStatus.OPEN);
        assertThat(shop.declarations(held)).isZero();
        review().resolve(Set.of(shop.shop().tenant()), shop.parkAdmin(), flag.id(), RiskDecision.CANCEL, null);
        assertThat(shop.order(held).refundRequestNo()).isEqualTo(held + "-C");
    }

    @Test
    void rule_settings_out_of_range_are_refused_naming_the_field_and_nothing_is_saved() {
        RiskRuleBook book = context.getBean(RiskRuleBook.class);

        assertThatThrownBy(() -> book.update(shop.parkAdmin(), List.of(
                new RuleSettings(RiskRule.FREQUENT_BUYER, true, 5, 24, 0),
                new RuleSettings(RiskRule.ORDER_SPLITTING, true, 0, 24, 150))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(error -> error.field())
                        .containsExactly("rules[1].threshold", "rules[1].ratioPercent"));

        assertThat(book.of(shop.shop().tenant()).of(RiskRule.FREQUENT_BUYER)).isEqualTo(RiskRule.FREQUENT_BUYER.defaults());
        assertThat(shop.fixtures().count("SELECT COUNT(*) FROM risk_rule_settings WHERE scope_id = ?",
                shop.shop().tenant().value())).isZero();
    }

    @Test
    void a_rule_change_is_audited_and_only_a_park_admin_may_make_it() {
        RiskRuleBook book = context.getBean(RiskRuleBook.class);

        book.update(shop.parkAdmin(), List.of(new RuleSettings(RiskRule.SALES_SPIKE, true, 50, 2, 400)));

        assertThat(book.of(shop.shop().tenant()).of(RiskRule.SALES_SPIKE))
                .isEqualTo(new RuleSettings(RiskRule.SALES_SPIKE, true, 50, 2, 400));
        assertThat(context.getBean(AuditTrail.class).historyOf(shop.shop().tenant(), "risk_rule", "SALES_SPIKE"))
                .extracting(AuditEvent::action).containsExactly("risk.rules.changed");
        var retailer = io.vitrine.tenants.access.Actor.staff("r", "r",
                io.vitrine.tenants.access.StaffRole.RETAILER_ADMIN, shop.shop().tenant());
        assertThatThrownBy(() -> book.update(retailer, List.of(RiskRule.SALES_SPIKE.defaults())))
                .isInstanceOf(NotFoundException.class);
    }

    private String heldOrder() {
        shop.turnOn(RiskRule.FREQUENT_BUYER, 1, 24, 0);
        String held = shop.screenedOrder(shop.product(10_000), TestBuyers.newBuyer());
        assertThat(shop.status(held)).isEqualTo(OrderStatus.ON_HOLD);
        return held;
    }

    private String screened(String orderNo) {
        shop.dispatch();
        return orderNo;
    }

    private RiskFlag flag(String orderNo) {
        return queue().list(Set.of(shop.shop().tenant()), null).stream().filter(f -> f.orderNo().equals(orderNo))
                .findFirst().orElse(null);
    }

    private RiskReview review() {
        return context.getBean(RiskReview.class);
    }

    private RiskQueue queue() {
        return context.getBean(RiskQueue.class);
    }
}
