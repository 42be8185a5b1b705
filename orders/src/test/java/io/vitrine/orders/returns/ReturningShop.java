package io.vitrine.orders.returns;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.testing.MutableClock;
import io.vitrine.orders.testing.OrderFixtures;
import io.vitrine.orders.testing.OrderFixtures.Shop;
import io.vitrine.orders.testing.OrderingContexts.Ordering;
import io.vitrine.tools.fakealipay.FakeAlipay;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * What every returns suite starts from: a new shop on the suite's ordering context, paid through its fake Alipay,
 * and the context's {@link MutableClock}, moved forward for a piece of work to cross a return's window.
 */
final class ReturningShop {

    private final ApplicationContext context;
    private final FakeAlipay fake;
    private final OrderFixtures fixtures;
    private final Shop shop;

    /** A new shop on this context. */
    ReturningShop(Ordering ordering) {
        this.context = ordering.context();
        this.fake = ordering.fake();
        this.fixtures = new OrderFixtures(context, fake);
        this.shop = fixtures.shop();
    }

    ApplicationContext context() {
        return context;
    }

    FakeAlipay fake() {
        return fake;
    }

    OrderFixtures fixtures() {
        return fixtures;
    }

    Shop shop() {
        return shop;
    }

    MutableClock clock() {
        return context.getBean(MutableClock.class);
    }

    /** Runs the work with the clock moved forward, then moves it back for the other tests. */
    <T> T later(Duration by, Supplier<T> work) {
        MutableClock clock = clock();
        clock.advance(by);
        try {
            return work.get();
        } finally {
            clock.advance(by.negated());
        }
    }
}
