package io.vitrine.orders.returns;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.orders.ordering.OrderReading;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * A shopper's returns, holding the order's token (api.md {@code POST /s/{tenant}/api/orders/{orderNo}/returns}):
 * asking for one, and seeing the order's returns. Any other token or order is the same 404 as the order's page.
 */
@Singleton
public class ShopperReturns {

    public static final String SHOPPER = "shopper";

    private final OrderReading reading;
    private final ReturnOpening opening;
    private final ReturnRequests returns;

    ShopperReturns(OrderReading reading, ReturnOpening opening, ReturnRequests returns) {
        this.reading = reading;
        this.opening = opening;
        this.returns = returns;
    }

    /** A return REQUESTED for the retailer to decide; see {@link ReturnEligibility} for what is refused. */
    public ReturnRequest request(String orderNo, @Nullable String token, RequestReturn request) {
        reading.requireToken(orderNo, token);
        ReturnForm form = ReturnForm.check(request);
        return opening.open(orderNo, form, ReturnChannel.SHOPPER, SHOPPER, store -> true);
    }

    /** The order's returns, oldest first. */
    @Transactional(readOnly = true)
    public List<ReturnRequest> ofOrder(String orderNo, @Nullable String token) {
        reading.requireToken(orderNo, token);
        return returns.ofOrder(orderNo);
    }
}
