package io.vitrine.orders.returns;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.orders.ordering.OrderReturning;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** {@link ReturnExpiry}'s work, each call its own transaction: what may be due, and one return expired if due. */
@Singleton
class ExpiringReturns {

    private final ReturnRequests returns;
    private final OrderReturning orders;
    private final Clock clock;

    ExpiringReturns(ReturnRequests returns, OrderReturning orders, Clock clock) {
        this.returns = returns;
        this.orders = orders;
        this.clock = clock;
    }

    /** Every tenant's returns still waiting for goods released before {@code releasedBefore}, oldest first. */
    @Transactional(readOnly = true)
    public List<ReturnRequests.Waiting> due(Instant releasedBefore, int limit) {
        return returns.waitingReleasedBefore(releasedBefore, limit);
    }

    /** The return, in the current tenant, EXPIRED if it still waits for its goods and its 45 days are over. */
    @Transactional
    public boolean expireIfDue(String returnNo) {
        Optional<ReturnRequest> locked = returns.lock(returnNo);
        if (locked.isEmpty() || !locked.get().status().canBecome(ReturnStatus.EXPIRED)) {
            return false;
        }
        ReturnRequest waiting = locked.get();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (now.isBefore(ChinaTime.endOfDay(GoodsReceipts.lastDay(waiting.releasedAt())))) {
            return false;
        }
        ReturnRequest expired = returns.update(waiting.movedTo(ReturnStatus.EXPIRED, now));
        orders.note(expired.orderNo(), "system", "return " + returnNo + " expired: the goods were not back within "
                + GoodsReceipts.RECEIPT_DAYS + " days of release");
        return true;
    }
}
