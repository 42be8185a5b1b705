package io.vitrine.orders.ordering;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.codes.ResidentIdNumber;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.testing.MutableClock;
import io.vitrine.orders.carts.Carts;
import io.vitrine.orders.compliance.CheckoutFacts;
import io.vitrine.orders.testing.OrderFixtures;
import io.vitrine.orders.testing.OrderFixtures.Shop;
import io.vitrine.orders.testing.OrderingContexts.Ordering;
import io.vitrine.tools.fakealipay.FakeAlipay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;

/**
 * What the ordering suites share: their context ({@link Ordering}, one per database) with its fake Alipay, a fresh
 * shop per test, and the shopper's and staff's steps — a cart, an order placed from it, a look at the order as its
 * shop, work done with the clock moved forward.
 */
abstract class OrderingFixture {

    protected Ordering ordering;
    protected ApplicationContext context;
    protected FakeAlipay fake;
    protected OrderFixtures fixtures;
    protected Shop shop;

    protected abstract Ordering ordering();

    @BeforeEach
    void openShop() {
        ordering = ordering();
        context = ordering.context();
        fake = ordering.fake();
        fixtures = new OrderFixtures(context, fake);
        shop = fixtures.shop();
    }

    @AfterEach
    void clearFaults() {
        fake.faults().clear();
    }

    /** A cart of the shop's store holding this SKU. */
    protected String cart(Shop in, String sku, int quantity) {
        Carts carts = context.getBean(Carts.class);
        return as(in, () -> {
            String id = carts.create(in.store()).cart().id();
            carts.setQuantity(id, sku, BigDecimal.valueOf(quantity));
            return id;
        });
    }

    /** The cart ordered by this buyer (张三, consent given, a Shenzhen consignee). */
    protected PlacedOrder place(Shop in, String cartId, ResidentIdNumber buyer, String payMethod) {
        return as(in, () -> context.getBean(OrderPlacement.class).place(new PlaceOrder(cartId, in.store(),
                new CheckoutFacts.Buyer("张三", buyer.value(), "13800138000"),
                new PlaceOrder.Consignee("张三", "13800138000", "440305", "广东省深圳市南山区科技园1号"), true, payMethod,
                null, URI.create("http://shop.test/s/x/orders/"))));
    }

    protected OrderDetails details(String orderNo) {
        return as(shop, () -> reading().details(orderNo));
    }

    protected OrderStatus status(String orderNo) {
        return details(orderNo).order().status();
    }

    /** Runs the work with the clock moved forward, then moves it back for the other tests. */
    protected void later(Duration by, Runnable work) {
        MutableClock clock = context.getBean(MutableClock.class);
        clock.advance(by);
        try {
            work.run();
        } finally {
            clock.advance(by.negated());
        }
    }

    protected <T> T as(Shop in, TenantContext.Work<T, RuntimeException> work) {
        return TenantContext.callAs(in.tenant(), work);
    }

    protected OrderReading reading() {
        return context.getBean(OrderReading.class);
    }
}
