package io.vitrine.oversight.risk;

import io.micronaut.context.ApplicationContext;
import io.vitrine.customs.declaration.DeclarationContexts;
import io.vitrine.customs.declaration.DeclaringShop;
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
import io.vitrine.orders.ordering.OrderReading;
import io.vitrine.orders.ordering.OrderStatus;
import io.vitrine.orders.ordering.PlaceOrder;
import io.vitrine.orders.testing.TestBuyers;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;
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

    /** A new shop of no park, so its rules are its own ({@link RiskScopes}): every rule off until a test turns one on. */
    private final DeclaringShop shop = new DeclaringShop(declaring());
    private final ApplicationContext context = shop.context();

    protected abstract DeclarationContexts.Declaring declaring();

    @Test
    void with_every_rule_off_a_paid_order_is_declared_and_recorded_by_blind_indexes_only() throws Exception {
        String sku = product(10_000);
        ResidentIdNumber buyer = TestBuyers.newBuyer();

        String orderNo = screenedOrder(sku, buyer);

        assertThat(status(orderNo)).isEqualTo(OrderStatus.DECLARING);
        assertThat(declarations(orderNo)).isEqualTo(1);
        assertThat(flag(orderNo)).isNull();
        List<String> stored = shop.fixtures().strings("SELECT CONCAT(buyer_id_index, '|', consignee_phone_index, '|', "
                + "consignee_address_index) FROM risk_screenings WHERE order_no = ?", orderNo);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0)).doesNotContain(buyer.value()).doesNotContain("13800138000").doesNotContain("科技园");
        Order order = order(orderNo);
        assertThat(stored.get(0)).startsWith(order.personal().buyerIdIndex() + "|");
    }

    @Test
    void frequent_buyer_holds_the_order_that_reaches_the_threshold_and_not_the_one_before() throws Exception {
        turnOn(RiskRule.FREQUENT_BUYER, 3, 24, 0);
        String sku = product(10_000);
        ResidentIdNumber buyer = TestBuyers.newBuyer();

        String first = screenedOrder(sku, buyer);
        String second = screenedOrder(sku, buyer);
        String other = screenedOrder(sku, TestBuyers.newBuyer());
        String third = screenedOrder(sku, buyer);

        assertThat(List.of(first, second, other)).allSatisfy(no -> {
            assertThat(status(no)).isEqualTo(OrderStatus.DECLARING);
            assertThat(declarations(no)).isEqualTo(1);
        });
        assertThat(status(third)).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(declarations(third)).isZero();
        assertThat(shop.sentFiles(third)).isEmpty();
        assertThat(shop.fixtures().count("SELECT COUNT(*) FROM declarations WHERE order_no = ?", third)).isZero();
        RiskFlag flag = flag(third);
        assertThat(flag.status()).isEqualTo(FlagStatus.OPEN);
        assertThat(flag.rules()).containsExactly(RiskRule.FREQUENT_BUYER);
        assertThat(flag.evidence()).contains("3 orders of one ID number within 24 h").doesNotContain(buyer.value());
        assertThat(shop.as(() -> context.getBean(OrderReading.class).details(third))
                .history()).anySatisfy(h -> assertThat(h.reason()).contains("FREQUENT_BUYER"));
    }

    @Test
    void proxy_buying_holds_the_order_of_the_nth_id_number_shipping_to_one_address() {
        turnOn(RiskRule.PROXY_BUYING, 3, 168, 0);
        String sku = product(10_000);
        String address = "广东省深圳市南山区后海大道" + UUID.randomUUID().toString().substring(0, 6) + "号";

        String a = screened(paidOrder(sku, TestBuyers.newBuyer(), "13700000001", address));
        String aAgain = screened(paidOrder(sku, TestBuyers.newBuyer(), "13700000002", address));
        String elsewhere = screened(paidOrder(sku, TestBuyers.newBuyer(), "13700000003", address + "A"));
        String c = screened(paidOrder(sku, TestBuyers.newBuyer(), "13700000004", address));

        assertThat(List.of(a, aAgain, elsewhere)).allSatisfy(no -> assertThat(status(no))
                .isEqualTo(OrderStatus.DECLARING));
        assertThat(status(c)).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(flag(c).rules()).containsExactly(RiskRule.PROXY_BUYING);
        assertThat(flag(c).evidence()).contains("3 ID numbers shipping to one address");
    }

    @Test
    void proxy_buying_also_counts_id_numbers_shipping_to_one_consignee_phone() {
        turnOn(RiskRule.PROXY_BUYING, 2, 168, 0);
        String sku = product(10_000);
        String phone = "135" + String.format("%08d", Math.abs(UUID.randomUUID().hashCode()) % 100_000_000);

        String first = screened(paidOrder(sku, TestBuyers.newBuyer(), phone, "广东省深圳市南山区海德一道1号"));
        String second = screened(paidOrder(sku, TestBuyers.newBuyer(), phone, "广东省深圳市南山区海德一道2号"));

        assertThat(status(first)).isEqualTo(OrderStatus.DECLARING);
        assertThat(status(second)).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(flag(second).evidence()).contains("2 ID numbers shipping to one consignee phone");
    }

    @Test
    void order_splitting_counts_only_orders_just_under_the_single_limit() {
        turnOn(RiskRule.ORDER_SPLITTING, 2, 72, 90);
        String nearLimit = product(460_000);
        String small = product(40_000);
        ResidentIdNumber buyer = TestBuyers.newBuyer();

        String firstNear = screenedOrder(nearLimit, buyer);
        String smallOne = screenedOrder(small, buyer);
        String smallTwo = screenedOrder(small, buyer);
        String secondNear = screenedOrder(nearLimit, buyer);

        assertThat(List.of(firstNear, smallOne, smallTwo)).allSatisfy(no -> assertThat(status(no))
                .isEqualTo(OrderStatus.DECLARING));
        assertThat(status(secondNear)).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(flag(secondNear).rules()).containsExactly(RiskRule.ORDER_SPLITTING);
        assertThat(flag(secondNear).evidence()).contains("2 orders of one ID number of at least 4500 CNY");
    }

    @Test
    void identity_failures_hold_the_next_order_of_a_buyer_whose_payer_was_not_the_buyer() {
        turnOn(RiskRule.IDENTITY_FAILURES, 1, 720, 0);
        String sku = product(10_000);
        ResidentIdNumber buyer = TestBuyers.newBuyer();
        String refused = screenedOrder(sku, buyer);
        String unrelated = screenedOrder(sku, TestBuyers.newBuyer());
        assertThat(status(refused)).isEqualTo(OrderStatus.DECLARING);

        shop.as(() -> context.getBean(ClearanceCancellations.class).cancel(refused, ClearanceRefusal.PAYER_NOT_BUYER));
        shop.dispatch();
        String next = screenedOrder(sku, buyer);
        String otherBuyer = screenedOrder(sku, TestBuyers.newBuyer());

        assertThat(status(refused)).isEqualTo(OrderStatus.CANCELLED);
        assertThat(status(unrelated)).isEqualTo(OrderStatus.DECLARING);
        assertThat(status(otherBuyer)).isEqualTo(OrderStatus.DECLARING);
        assertThat(status(next)).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(flag(next).rules()).containsExactly(RiskRule.IDENTITY_FAILURES);
    }

    @Test
    void sales_spike_holds_a_store_order_once_the_window_reaches_the_threshold_above_its_usual_pace() {
        turnOn(RiskRule.SALES_SPIKE, 3, 1, 200);
        String sku = product(10_000);

        String first = screenedOrder(sku, TestBuyers.newBuyer());
        String second = screenedOrder(sku, TestBuyers.newBuyer());
        String third = screenedOrder(sku, TestBuyers.newBuyer());

        assertThat(status(first)).isEqualTo(OrderStatus.DECLARING);
        assertThat(status(second)).isEqualTo(OrderStatus.DECLARING);
        assertThat(status(third)).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(flag(third).rules()).containsExactly(RiskRule.SALES_SPIKE);
    }

    @Test
    void sales_spike_does_not_hold_a_store_at_its_usual_pace() {
        turnOn(RiskRule.SALES_SPIKE, 3, 1, 200);
        String sku = product(10_000);
        // the seven hours before: 3 orders an hour on average (21), so 3 now is the usual pace, not above 200 %
        for (int i = 0; i < 21; i++) {
            shop.fixtures().execute("INSERT INTO risk_screenings (order_no, tenant_id, scope_id, store_code, price_fen, "
                    + "paid_at) VALUES (?, ?, ?, ?, 100, ?)", "PAST-" + UUID.randomUUID().toString().substring(0, 20),
                    shop.shop().tenant().value(), shop.shop().tenant().value(), shop.shop().store(),
                    java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusHours(2 + i % 6).toString().replace('T', ' '));
        }

        List<String> orders = List.of(screenedOrder(sku, TestBuyers.newBuyer()),
                screenedOrder(sku, TestBuyers.newBuyer()), screenedOrder(sku, TestBuyers.newBuyer()));

        assertThat(orders).allSatisfy(no -> assertThat(status(no)).isEqualTo(OrderStatus.DECLARING));
    }

    @Test
    void a_released_order_is_declared_exactly_once_and_a_second_review_is_refused() throws Exception {
        String held = heldOrder();
        RiskFlag flag = flag(held);

        RiskFlag released = review().resolve(Set.of(shop.shop().tenant()), parkAdmin(), flag.id(),
                RiskDecision.RELEASE, "checked with the buyer");
        shop.dispatch();

        assertThat(released.status()).isEqualTo(FlagStatus.RELEASED);
        assertThat(released.resolvedBy()).isEqualTo(parkAdmin().id());
        assertThat(status(held)).isEqualTo(OrderStatus.DECLARING);
        assertThat(declarations(held)).isEqualTo(1);
        assertThat(shop.sentFiles(held)).hasSize(1);
        assertThatThrownBy(() -> review().resolve(Set.of(shop.shop().tenant()), parkAdmin(), flag.id(),
                RiskDecision.RELEASE, null)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo(RiskReview.RESOLVED));
        assertThatThrownBy(() -> review().resolve(Set.of(shop.shop().tenant()), parkAdmin(), flag.id(),
                RiskDecision.CANCEL, null)).isInstanceOf(ConflictException.class);

        shop.deliverAgain("customs.declare-released-order", ReleasedFromHold.TYPE, held);
        shop.deliverAgain("customs.declare-paid-order", OrderPaid.TYPE, held);
        shop.dispatch();

        assertThat(declarations(held)).isEqualTo(1);
        assertThat(shop.sentFiles(held)).hasSize(1);
        assertThat(status(held)).isEqualTo(OrderStatus.DECLARING);
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
        long paid = order(held).paidAmount().fen();

        review().resolve(Set.of(shop.shop().tenant()), parkAdmin(), flag.id(), RiskDecision.CANCEL, null);
        assertThatThrownBy(() -> review().resolve(Set.of(shop.shop().tenant()), parkAdmin(), flag.id(),
                RiskDecision.CANCEL, null)).isInstanceOf(ConflictException.class);
        shop.dispatch();

        Order order = order(held);
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.refunded().fen()).isEqualTo(paid);
        assertThat(order.refundRequestNo()).isEqualTo(held + "-C");
        assertThat(declarations(held)).isZero();
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

        assertThatThrownBy(() -> review().resolve(someoneElse, parkAdmin(), flag.id(), RiskDecision.RELEASE,
                null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> review().resolve(Set.of(), parkAdmin(), flag.id(), RiskDecision.RELEASE,
                null)).isInstanceOf(NotFoundException.class);

        assertThat(flag(held).status()).isEqualTo(FlagStatus.OPEN);
        assertThat(status(held)).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(queue().list(someoneElse, null)).isEmpty();
        assertThat(queue().list(Set.of(shop.shop().tenant()), FlagStatus.OPEN)).extracting(RiskFlag::orderNo)
                .containsExactly(held);
    }

    @Test
    void a_held_order_the_shop_cancelled_meanwhile_cannot_be_released_and_its_flag_stays_open() {
        String held = heldOrder();
        RiskFlag flag = flag(held);
        shop.as(() -> context.getBean(io.vitrine.orders.ordering.OrderCancellations.class).cancel(held, "shop", "x"));

        assertThatThrownBy(() -> review().resolve(Set.of(shop.shop().tenant()), parkAdmin(), flag.id(),
                RiskDecision.RELEASE, null)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo(RiskReview.NOT_ON_HOLD));
        shop.dispatch();

        assertThat(flag(held).status()).isEqualTo(FlagStatus.OPEN);
        assertThat(declarations(held)).isZero();
        review().resolve(Set.of(shop.shop().tenant()), parkAdmin(), flag.id(), RiskDecision.CANCEL, null);
        assertThat(order(held).refundRequestNo()).isEqualTo(held + "-C");
    }

    @Test
    void rule_settings_out_of_range_are_refused_naming_the_field_and_nothing_is_saved() {
        RiskRuleBook book = context.getBean(RiskRuleBook.class);

        assertThatThrownBy(() -> book.update(parkAdmin(), List.of(
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

        book.update(parkAdmin(), List.of(new RuleSettings(RiskRule.SALES_SPIKE, true, 50, 2, 400)));

        assertThat(book.of(shop.shop().tenant()).of(RiskRule.SALES_SPIKE))
                .isEqualTo(new RuleSettings(RiskRule.SALES_SPIKE, true, 50, 2, 400));
        assertThat(context.getBean(AuditTrail.class).historyOf(shop.shop().tenant(), "risk_rule", "SALES_SPIKE"))
                .extracting(AuditEvent::action).containsExactly("risk.rules.changed");
        Actor retailer = Actor.staff("r", "r", StaffRole.RETAILER_ADMIN, shop.shop().tenant());
        assertThatThrownBy(() -> book.update(retailer, List.of(RiskRule.SALES_SPIKE.defaults())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_new_parks_rules_are_the_onboarding_ones_saved_and_audited_and_a_scope_that_saved_none_has_every_rule_off() {
        RiskRuleBook book = context.getBean(RiskRuleBook.class);
        TenantId park = TenantId.of(UUID.randomUUID().toString());
        Actor platformAdmin = Actor.staff("platform-" + park.value().substring(0, 8), "platform.admin",
                StaffRole.PLATFORM_ADMIN, null);

        ParkRules rules = book.onboard(platformAdmin, park);

        assertThat(rules.all()).extracting(RuleSettings::enabled).containsExactly(true, false, true, true, false);
        assertThat(rules.all()).extracting(RuleSettings::rule).containsExactly(RiskRule.values());
        assertThat(rules.of(RiskRule.FREQUENT_BUYER)).isEqualTo(new RuleSettings(RiskRule.FREQUENT_BUYER, true, 6, 24, 0));
        assertThat(rules.of(RiskRule.ORDER_SPLITTING)).isEqualTo(new RuleSettings(RiskRule.ORDER_SPLITTING, true, 3, 72, 90));
        assertThat(rules.of(RiskRule.IDENTITY_FAILURES)).isEqualTo(new RuleSettings(RiskRule.IDENTITY_FAILURES, true, 2, 720, 0));
        assertThat(rules.of(RiskRule.PROXY_BUYING)).isEqualTo(RiskRule.PROXY_BUYING.defaults());
        assertThat(rules.of(RiskRule.SALES_SPIKE)).isEqualTo(RiskRule.SALES_SPIKE.defaults());
        assertThat(shop.fixtures().count("SELECT COUNT(*) FROM risk_rule_settings WHERE scope_id = ?", park.value()))
                .as("saved, so a later change of the suggested figures does not move this park").isEqualTo(5);
        assertThat(context.getBean(AuditTrail.class).of(park)).extracting(AuditEvent::action)
                .containsOnly(RiskRuleBook.CHANGED).hasSize(5);
        assertThat(context.getBean(AuditTrail.class).historyOf(park, "risk_rule", "FREQUENT_BUYER"))
                .singleElement().satisfies(e -> {
                    assertThat(e.actorId()).isEqualTo(platformAdmin.id());
                    assertThat(e.detail()).isEqualTo("on, threshold 6, window 24 h, ratio 0 % (the park's onboarding)");
                });
        assertThat(book.of(shop.shop().tenant()).all()).extracting(RuleSettings::enabled).containsOnly(false);
    }

    /** An admin of the shop's scope (the shop itself, which belongs to no park). */
    private Actor parkAdmin() {
        return Actor.staff("risk-admin-" + shop.shop().tenant().value().substring(0, 8), "risk.admin",
                StaffRole.PARK_ADMIN, shop.shop().tenant());
    }

    /** Turns this one rule on with these figures. */
    private void turnOn(RiskRule rule, int threshold, int windowHours, int ratioPercent) {
        context.getBean(RiskRuleBook.class).update(parkAdmin(),
                List.of(new RuleSettings(rule, true, threshold, windowHours, ratioPercent)));
    }

    private String product(long priceFen) {
        return shop.fixtures().product(shop.shop(), priceFen, 1000);
    }

    /** One unit of this sku, by this buyer, to this consignee phone and address, paid at the fake Alipay. */
    private String paidOrder(String sku, ResidentIdNumber buyer, String consigneePhone, String address) {
        Order placed = shop.placedOrder(sku, 1, "李四", buyer,
                new PlaceOrder.Consignee("张三", consigneePhone, "440305", address));
        shop.payAtTheFake(placed);
        return placed.orderNo();
    }

    /** A paid order (consignee 张三 in Shenzhen), dispatched: screened, and declared or held. */
    private String screenedOrder(String sku, ResidentIdNumber buyer) {
        Order placed = shop.placedOrder(sku, "李四", buyer);
        shop.payAtTheFake(placed);
        shop.dispatch();
        return placed.orderNo();
    }

    private Order order(String orderNo) {
        return shop.as(() -> context.getBean(OrderReading.class).details(orderNo)).order();
    }

    private OrderStatus status(String orderNo) {
        return order(orderNo).status();
    }

    /** The order's CEB311 messages stored (each sent once it has a sent time). */
    private long declarations(String orderNo) {
        return shop.messages(orderNo).stream().filter(m -> "CEB311".equals(m.messageType())).count();
    }

    private String heldOrder() {
        turnOn(RiskRule.FREQUENT_BUYER, 1, 24, 0);
        String held = screenedOrder(product(10_000), TestBuyers.newBuyer());
        assertThat(status(held)).isEqualTo(OrderStatus.ON_HOLD);
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
