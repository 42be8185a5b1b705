package io.vitrine.orders.counter;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.orders.ordering.OrderReading;
import io.vitrine.orders.returns.ReturnRequests;
import jakarta.inject.Singleton;

/** One consistent read of an order and its returns, for {@link CounterOrders}. */
@Singleton
class CounterOrderReading {

    private final OrderReading reading;
    private final ReturnRequests returns;

    CounterOrderReading(OrderReading reading, ReturnRequests returns) {
        this.reading = reading;
        this.returns = returns;
    }

    @Transactional(readOnly = true)
    CounterOrders.CounterOrder read(String orderNo) {
        return new CounterOrders.CounterOrder(reading.details(orderNo), returns.ofOrder(orderNo));
    }
}
