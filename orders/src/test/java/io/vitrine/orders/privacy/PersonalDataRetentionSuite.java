package io.vitrine.orders.privacy;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.files.FileStorage;
import io.vitrine.kernel.files.SampleFiles;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.orders.carts.Carts;
import io.vitrine.orders.compliance.CheckoutFacts;
import io.vitrine.orders.ordering.Clearances;
import io.vitrine.orders.ordering.HistoryEntry;
import io.vitrine.orders.ordering.OrderDetails;
import io.vitrine.orders.ordering.OrderPlacement;
import io.vitrine.orders.ordering.OrderReading;
import io.vitrine.orders.ordering.OrderStatus;
import io.vitrine.orders.ordering.PlaceOrder;
import io.vitrine.orders.ordering.PlacedOrder;
import io.vitrine.orders.returns.RequestReturn;
import io.vitrine.orders.returns.ReturnDecisions;
import io.vitrine.orders.returns.ReturnPhoto;
import io.vitrine.orders.returns.ReturnPhotos;
import io.vitrine.orders.returns.ReturnRequest;
import io.vitrine.orders.returns.ShopperReturns;
import io.vitrine.orders.testing.OrderFixtures;
import io.vitrine.orders.testing.OrderFixtures.Shop;
import io.vitrine.orders.testing.OrderingContexts.Ordering;
import io.vitrine.orders.testing.TestBuyers;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;
import io.vitrine.tools.fakealipay.FakeAlipay;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal data retention on H2 and MariaDB: orders placed, paid (fake Alipay) and released as customs does, then
 * made older than the period by moving their last change back in SQL (the round compares with the real clock, so
 * the other suites' fresh orders in the shared database are never due).
 */
abstract class PersonalDataRetentionSuite {

    private static final int PAST = 181; // days: the default period is 180

    private final Ordering ordering = ordering();
    private final ApplicationContext context = ordering.context();
    private final FakeAlipay fake = ordering.fake();
    private final OrderFixtures fixtures = new OrderFixtures(context, fake);
    private final Shop shop = fixtures.shop();

    protected abstract Ordering ordering();

    @Test
    void a_finished_order_past_its_period_loses_its_buyer_and_consignee_data_once_and_keeps_the_rest() {
        PlacedOrder order = released();
        String orderNo = order.order().orderNo();
        OrderDetails before = details(orderNo);
        assertThat(before.buyer()).isNotNull();
        assertThat(before.consignee()).isNotNull();
        age(orderNo, PAST);

        assertThat(retention().eraseDue()).isGreaterThanOrEqualTo(1);

        assertThat(fixtures.count("SELECT COUNT(*) FROM orders WHERE order_no = ? AND buyer_name IS NULL "
                + "AND buyer_id_number IS NULL AND buyer_phone IS NULL AND buyer_id_index IS NULL "
                + "AND buyer_id_last6_index IS NULL AND buyer_phone_index IS NULL AND consignee_name IS NULL "
                + "AND consignee_phone IS NULL AND consignee_phone_index IS NULL AND consignee_address IS NULL "
                + "AND consignee_address_index IS NULL AND personal_data_erased_at IS NOT NULL", orderNo)).isEqualTo(1);
        OrderDetails after = details(orderNo);
        assertThat(after.buyer()).isNull();
        assertThat(after.consignee()).isNull();
        assertThat(after.order().status()).isEqualTo(OrderStatus.RELEASED);
        assertThat(after.order().amounts()).isEqualTo(before.order().amounts());
        assertThat(after.lines()).isEqualTo(before.lines());
        assertThat(fixtures.strings("SELECT consignee_district_code FROM orders WHERE order_no = ?", orderNo))
                .containsExactly("440305");
        assertThat(erasureNotes(after)).hasSize(1);

        retention().eraseDue();
        assertThat(erasureNotes(details(orderNo))).as("erased once").hasSize(1);
    }

    @Test
    void orders_within_their_period_unfinished_or_with_an_open_return_keep_their_data() {
        String recent = released().order().orderNo();
        age(recent, PAST - 2);
        String paid = paid().order().orderNo();
        age(paid, PAST);
        PlacedOrder returning = released();
        String withReturn = returning.order().orderNo();
        ask(returning, "dented");
        age(withReturn, PAST);

        retention().eraseDue();

        for (String orderNo : List.of(recent, paid, withReturn)) {
            assertThat(details(orderNo).buyer()).as(orderNo).isNotNull();
            assertThat(fixtures.count("SELECT COUNT(*) FROM orders WHERE order_no = ? "
                    + "AND personal_data_erased_at IS NULL AND buyer_id_index IS NOT NULL", orderNo)).isEqualTo(1);
        }
    }

    @Test
    void the_photos_of_a_closed_return_go_with_the_order_s_personal_data() {
        PlacedOrder order = released();
        String orderNo = order.order().orderNo();
        ReturnRequest asked = ask(order, "wrong colour");
        ReturnPhoto photo = as(() -> context.getBean(ReturnPhotos.class).addByShopper(asked.returnNo(),
                order.orderToken(), new ByteArrayInputStream(SampleFiles.png())));
        as(() -> context.getBean(ReturnDecisions.class).reject(admin(), asked.returnNo(), "opened"));
        assertThat(context.getBean(FileStorage.class).open(shop.tenant(), photo.id())).isPresent();
        age(orderNo, PAST);

        retention().eraseDue();

        assertThat(fixtures.count("SELECT COUNT(*) FROM return_photos WHERE return_no = ?", asked.returnNo()))
                .isZero();
        assertThat(context.getBean(FileStorage.class).open(shop.tenant(), photo.id())).isEmpty();
        assertThat(details(orderNo).buyer()).isNull();
        assertThat(fixtures.count("SELECT COUNT(*) FROM order_returns WHERE return_no = ? AND status = 'REJECTED'",
                asked.returnNo())).as("the return itself is a business record and stays").isEqualTo(1);
    }

    // --- the shop's steps

    private PlacedOrder released() {
        PlacedOrder paid = paid();
        String orderNo = paid.order().orderNo();
        Clearances clearances = context.getBean(Clearances.class);
        assertThat(as(() -> clearances.declaring(orderNo) && clearances.released(orderNo))).isTrue();
        return paid;
    }

    private PlacedOrder paid() {
        String sku = fixtures.product(shop, 29900, 10);
        Carts carts = context.getBean(Carts.class);
        String cartId = as(() -> {
            String id = carts.create(shop.store()).cart().id();
            carts.setQuantity(id, sku, BigDecimal.ONE);
            return id;
        });
        PlacedOrder placed = as(() -> context.getBean(OrderPlacement.class).place(new PlaceOrder(cartId,
                shop.store(), new CheckoutFacts.Buyer("张三", TestBuyers.newBuyer().value(), "13800138000"),
                new PlaceOrder.Consignee("张三", "13800138000", "440305", "广东省深圳市南山区科技园1号"), true,
                "ALIPAY_QR", null, URI.create("http://shop.test/s/x/orders/"))));
        fake.pay(placed.order().orderNo());
        assertThat(details(placed.order().orderNo()).order().status()).isEqualTo(OrderStatus.PAID);
        return placed;
    }

    private ReturnRequest ask(PlacedOrder order, String reason) {
        String sku = details(order.order().orderNo()).lines().get(0).sku();
        return as(() -> context.getBean(ShopperReturns.class).request(order.order().orderNo(), order.orderToken(),
                new RequestReturn(List.of(new RequestReturn.Item(sku, 1)), reason)));
    }

    /** Moves the order's last change back by this many days, as if nothing had happened to it since. */
    private void age(String orderNo, int days) {
        fixtures.execute("UPDATE orders SET updated_at = ? WHERE order_no = ?",
                io.vitrine.kernel.time.infra.SqlInstants.text(java.time.Instant.now().minus(
                        java.time.Duration.ofDays(days))), orderNo);
    }

    private PersonalDataRetention retention() {
        return context.getBean(PersonalDataRetention.class);
    }

    private OrderDetails details(String orderNo) {
        return as(() -> context.getBean(OrderReading.class).details(orderNo));
    }

    private static List<HistoryEntry> erasureNotes(OrderDetails details) {
        return details.history().stream().filter(entry -> entry.kind() == HistoryEntry.Kind.NOTE
                && entry.reason() != null && entry.reason().startsWith("personal data erased")).toList();
    }

    private Actor admin() {
        String id = UUID.randomUUID().toString();
        fixtures.execute("INSERT INTO staff_accounts (id, tenant_id, username, password_hash, role, status, created_at) "
                + "VALUES (?, ?, ?, 'x', ?, 'ACTIVE', '2026-11-30 00:00:00')", id, shop.tenant().value(),
                "staff-" + id, StaffRole.RETAILER_ADMIN.name());
        return Actor.staff(id, "staff-" + id, StaffRole.RETAILER_ADMIN, shop.tenant());
    }

    private <T> T as(TenantContext.Work<T, RuntimeException> work) {
        return TenantContext.callAs(shop.tenant(), work);
    }
}
