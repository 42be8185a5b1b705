package io.vitrine.oversight.risk;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.codes.ResidentIdNumber;
import io.vitrine.kernel.outbox.DeliveredEvent;
import io.vitrine.kernel.outbox.OutboxListeners;
import io.vitrine.kernel.outbox.infra.OutboxDispatcher;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.orders.carts.Carts;
import io.vitrine.orders.compliance.CheckoutFacts;
import io.vitrine.orders.ordering.Order;
import io.vitrine.orders.ordering.OrderPayments;
import io.vitrine.orders.ordering.OrderPlacement;
import io.vitrine.orders.ordering.OrderReading;
import io.vitrine.orders.ordering.OrderStatus;
import io.vitrine.orders.ordering.PaymentFacts;
import io.vitrine.orders.ordering.PlaceOrder;
import io.vitrine.orders.payment.TradeStatus;
import io.vitrine.orders.testing.OrderFixtures;
import io.vitrine.orders.testing.OrderFixtures.Shop;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * A new shop on a risk context, its customs codes set, every rule off until a test turns one on: orders placed,
 * paid at the fake Alipay and dispatched (screened, then declared or held), and what was declared read back.
 * The shop belongs to no park, so its rules are its own ({@link RiskScopes}).
 */
final class RiskShop {

    static final String ADDRESS = "广东省深圳市南山区科技园1号";

    private final RiskContexts.Screening screening;
    private final ApplicationContext context;
    private final OrderFixtures fixtures;
    private final Shop shop;

    RiskShop(RiskContexts.Screening screening) {
        this.screening = screening;
        this.context = screening.context();
        this.fixtures = new OrderFixtures(context, screening.fake());
        this.shop = fixtures.shop();
        fixtures.execute("UPDATE tenant_settings SET customs_ebc_code = ?, customs_ebc_name = ? WHERE tenant_id = ?",
                "3301964J31", "测试跨境商户", shop.tenant().value());
    }

    ApplicationContext context() {
        return context;
    }

    OrderFixtures fixtures() {
        return fixtures;
    }

    Shop shop() {
        return shop;
    }

    /** An admin of the shop's scope (the shop itself, which belongs to no park). */
    Actor parkAdmin() {
        return Actor.staff("risk-admin-" + shop.tenant().value().substring(0, 8), "risk.admin", StaffRole.PARK_ADMIN,
                shop.tenant());
    }

    /** Turns this one rule on with these figures. */
    void turnOn(RiskRule rule, int threshold, int windowHours, int ratioPercent) {
        context.getBean(RiskRuleBook.class).update(parkAdmin(),
                List.of(new RuleSettings(rule, true, threshold, windowHours, ratioPercent)));
    }

    String product(long priceFen) {
        return fixtures.product(shop, priceFen, 1000);
    }

    /** One unit of this sku, by this buyer, to this consignee phone and address, paid at the fake Alipay. */
    String paidOrder(String sku, ResidentIdNumber buyer, String consigneePhone, String address) {
        Carts carts = context.getBean(Carts.class);
        String cartId = as(() -> {
            String id = carts.create(shop.store()).cart().id();
            carts.setQuantity(id, sku, BigDecimal.ONE);
            return id;
        });
        Order placed = as(() -> context.getBean(OrderPlacement.class).place(new PlaceOrder(cartId, shop.store(),
                new CheckoutFacts.Buyer("李四", buyer.value(), "13900139000"),
                new PlaceOrder.Consignee("张三", consigneePhone, "440305", address), true,
                "ALIPAY_QR", null, URI.create("http://shop.test/s/x/orders/")))).order();
        String tradeNo = screening.fake().pay(placed.orderNo()).trade().tradeNo();
        as(() -> context.getBean(OrderPayments.class).pay(new PaymentFacts(placed.orderNo(), tradeNo,
                placed.amounts().total(), TradeStatus.TRADE_SUCCESS, null)));
        return placed.orderNo();
    }

    String paidOrder(String sku, ResidentIdNumber buyer) {
        return paidOrder(sku, buyer, "13800138000", ADDRESS);
    }

    /** A paid order, dispatched: screened, and declared or held. */
    String screenedOrder(String sku, ResidentIdNumber buyer) {
        String orderNo = paidOrder(sku, buyer);
        dispatch();
        return orderNo;
    }

    void dispatch() {
        context.getBean(OutboxDispatcher.class).dispatchDue();
    }

    OrderStatus status(String orderNo) {
        return as(() -> context.getBean(OrderReading.class).details(orderNo)).order().status();
    }

    Order order(String orderNo) {
        return as(() -> context.getBean(OrderReading.class).details(orderNo)).order();
    }

    /** The order's CEB311 messages stored (each sent once it has a sent time). */
    int declarations(String orderNo) {
        return fixtures.count("SELECT COUNT(*) FROM declaration_messages WHERE order_no = ? AND message_type = 'CEB311'",
                orderNo);
    }

    /** The files in the exchange's send folder carrying one of the order's messages. */
    List<String> sentFiles(String orderNo) throws IOException {
        List<String> guids = fixtures.strings("SELECT guid FROM declaration_messages WHERE order_no = ?", orderNo);
        Path send = Files.createDirectories(screening.exchange().resolve("send"));
        try (Stream<Path> files = Files.list(send)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> guids.stream().anyMatch(name::contains)).toList();
        }
    }

    /** Every event of this type about the order handed to the named listener again, as a redelivery would. */
    void deliverAgain(String listenerName, String type, String orderNo) {
        var listener = context.getBean(OutboxListeners.class).named(listenerName).orElseThrow();
        for (String id : fixtures.strings("SELECT id FROM outbox_events WHERE event_type = ? AND business_key = ?",
                type, orderNo)) {
            String payload = fixtures.strings("SELECT payload FROM outbox_events WHERE id = ?", id).get(0);
            DeliveredEvent event = new DeliveredEvent(id, type, shop.tenant(), orderNo, Instant.now(), payload, 2,
                    context.getBean(JsonMapper.class));
            as(() -> transactions().executeWrite(status -> {
                listener.on(event);
                return null;
            }));
        }
    }

    @SuppressWarnings("unchecked")
    TransactionOperations<Connection> transactions() {
        return context.getBean(TransactionOperations.class);
    }

    <T> T as(TenantContext.Work<T, RuntimeException> work) {
        return TenantContext.callAs(shop.tenant(), work);
    }
}
