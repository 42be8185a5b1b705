package io.vitrine.oversight.stats;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.customs.declaration.DeclarationRejected;
import io.vitrine.customs.declaration.DeclarationReleased;
import io.vitrine.kernel.codes.ResidentIdNumber;
import io.vitrine.kernel.outbox.DeliveredEvent;
import io.vitrine.kernel.outbox.Outbox;
import io.vitrine.kernel.outbox.OutboxEvent;
import io.vitrine.kernel.outbox.infra.OutboxDispatcher;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.orders.carts.Carts;
import io.vitrine.orders.compliance.CheckoutFacts;
import io.vitrine.orders.ordering.Order;
import io.vitrine.orders.ordering.OrderPayments;
import io.vitrine.orders.ordering.OrderPlacement;
import io.vitrine.orders.ordering.PaymentFacts;
import io.vitrine.orders.ordering.PlaceOrder;
import io.vitrine.orders.payment.TradeStatus;
import io.vitrine.orders.returns.ReturnReceived;
import io.vitrine.orders.testing.OrderFixtures;
import io.vitrine.orders.testing.OrderingContexts;
import io.vitrine.orders.testing.TestBuyers;

import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.time.Instant;
import java.util.UUID;

/**
 * A shop of the suite's ordering context (orders' fixtures: a store S1, products in its assortment, its own Alipay app
 * at the fake): orders placed and paid through orders' real use cases, the outbox dispatched as the application's
 * poller would, and customs' and returns' events published or delivered as their modules do.
 */
final class StatsShop {

    private final ApplicationContext context;
    private final OrderFixtures fixtures;
    private final OrderFixtures.Shop shop;

    StatsShop(OrderingContexts.Ordering ordering) {
        this.context = ordering.context();
        this.fixtures = new OrderFixtures(context, ordering.fake());
        this.shop = fixtures.shop();
    }

    OrderFixtures.Shop shop() {
        return shop;
    }

    /** A product at this price, trade mode and origin (customs country code), stocked and in the store. */
    String product(long priceFen, String tradeMode, String origin) {
        String sku = fixtures.product(shop, priceFen, tradeMode, OrderFixtures.LISTED_HS_CODE, 1000);
        fixtures.execute("UPDATE products SET origin_country = ? WHERE tenant_id = ? AND sku = ?", origin,
                shop.tenant().value(), sku);
        return sku;
    }

    /** An order of {@code units} of the sku, placed by a new buyer and paid in full. */
    Order paidOrder(String sku, int units) {
        Carts carts = context.getBean(Carts.class);
        ResidentIdNumber buyer = TestBuyers.newBuyer();
        Order placed = as(() -> {
            String cartId = carts.create(shop.store()).cart().id();
            carts.setQuantity(cartId, sku, BigDecimal.valueOf(units));
            return context.getBean(OrderPlacement.class).place(new PlaceOrder(cartId, shop.store(),
                    new CheckoutFacts.Buyer("王小明", buyer.value(), "13800138000"),
                    new PlaceOrder.Consignee("王小明", "13800138000", "440305", "广东省深圳市南山区科技园1号"), true,
                    "ALIPAY_QR", null, URI.create("http://shop.test/s/x/orders/"))).order();
        });
        as(() -> context.getBean(OrderPayments.class).pay(new PaymentFacts(placed.orderNo(),
                "T" + UUID.randomUUID().toString().replace("-", ""), placed.amounts().total(),
                TradeStatus.TRADE_SUCCESS, null)));
        return placed;
    }

    /** Customs' release of the order's declaration, published as customs' receipt recording does. */
    void released(Order order, Instant openedAt, Instant releasedAt) {
        publish(new DeclarationReleased(shop.tenant(), order.orderNo(), order.tradeMode().code(), openedAt,
                releasedAt));
    }

    void rejected(Order order, Instant at) {
        publish(new DeclarationRejected(shop.tenant(), order.orderNo(), order.tradeMode().code(), "INVENTORY", at));
    }

    void publish(OutboxEvent event) {
        as(() -> transactions().executeWrite(status -> context.getBean(Outbox.class).publish(event)));
    }

    /** A return's goods back, handed to the statistics' listener as a delivery of orders' event with this id. */
    void returnReceived(String eventId, Order order, String returnNo, long refundFen, Instant at) {
        ReturnReceived event = new ReturnReceived(shop.tenant(), returnNo, order.orderNo(), refundFen, at);
        deliver(eventId, ReturnReceived.TYPE, event);
    }

    /** The event handed to the statistics' listener in a transaction of the event's tenant, as the dispatcher does. */
    void deliver(String eventId, String type, Object payload) {
        try {
            JsonMapper json = context.getBean(JsonMapper.class);
            DeliveredEvent event = new DeliveredEvent(eventId, type, shop.tenant(), "key", Instant.now(),
                    json.writeValueAsString(payload), 1, json);
            as(() -> transactions().executeWrite(status -> {
                context.getBean(StatsFeed.class).on(event);
                return null;
            }));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void dispatch() {
        context.getBean(OutboxDispatcher.class).dispatchDue();
    }

    int count(String sql, String... parameters) {
        return fixtures.count(sql, parameters);
    }

    @SuppressWarnings("unchecked")
    private TransactionOperations<Connection> transactions() {
        return context.getBean(TransactionOperations.class);
    }

    private <T> T as(TenantContext.Work<T, RuntimeException> work) {
        return TenantContext.callAs(shop.tenant(), work);
    }
}
