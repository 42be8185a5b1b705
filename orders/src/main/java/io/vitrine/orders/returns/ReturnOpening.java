package io.vitrine.orders.returns;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.orders.numbers.ReturnNumbers;
import io.vitrine.orders.ordering.OrderReturning;
import io.vitrine.orders.ordering.ReturnableOrder;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Predicate;

/**
 * Opens a return of an order of the current tenant, for {@link ShopperReturns} and {@link StaffReturns}: the input
 * checked first (400, nothing changed), then, under the order's row lock (so concurrent requests for one order take
 * turns and never claim more units than were bought), {@link ReturnEligibility}'s rules against the units open
 * returns already claim, then the return REQUESTED under a new platform-wide number.
 */
@Singleton
class ReturnOpening {

    /** The same answer as an unknown order's (ordering's), so a refusal never tells the order exists. */
    static final String NOT_FOUND = "No such order, or the details do not match it.";

    private final OrderReturning orders;
    private final ReturnRequests returns;
    private final ReturnNumbers numbers;
    private final CurrentTenant currentTenant;
    private final Ids ids;
    private final Clock clock;

    ReturnOpening(OrderReturning orders, ReturnRequests returns, ReturnNumbers numbers, CurrentTenant currentTenant,
                  Ids ids, Clock clock) {
        this.orders = orders;
        this.returns = returns;
        this.numbers = numbers;
        this.currentTenant = currentTenant;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * @param visible whether the caller may see an order of this store (404 otherwise, as for an unknown order)
     * @param openedBy {@code shopper} or the staff id
     */
    @Transactional
    ReturnRequest open(String orderNo, ReturnForm form, ReturnChannel channel, String openedBy,
                       Predicate<String> visible) {
        ReturnableOrder order = orders.lock(orderNo);
        if (!visible.test(order.storeCode())) {
            throw new NotFoundException(NOT_FOUND);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<ReturnLine> lines = ReturnEligibility.lines(order, form, returns.claimedUnits(order.id()), now);
        ReturnRequest request = new ReturnRequest(ids.nextId(), numbers.issue(currentTenant.require()).value(),
                order.id(), order.orderNo(), order.storeCode(), ReturnStatus.REQUESTED, form.reason(), channel,
                openedBy, now, order.releasedAt(), null, null, null, now, 0, lines);
        returns.insert(request);
        orders.note(order.orderNo(), openedBy, "return " + request.returnNo() + " requested"
                + (channel == ReturnChannel.COUNTER ? " at the counter" : "") + ": " + ReturnRequest.describe(lines));
        return request;
    }
}
