package io.vitrine.orders.returns;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.orders.ordering.Clearances;
import io.vitrine.orders.ordering.OrderReturning;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * What customs makes of an approved return (its CEB625 and the CEB626 receipts), told by the customs module in the
 * return's tenant (the current one), in the caller's transaction: the return's row locked, {@link ReturnStatus}'
 * table deciding, each news a note on the order's timeline (actor {@code customs}). Idempotent: news the return
 * already reflects, or that comes too late (a return EXPIRED or already past it), changes nothing and answers false —
 * a receipt is never refused for it.
 */
@Singleton
public class ReturnClearances {

    private static final Logger LOG = LoggerFactory.getLogger(ReturnClearances.class);

    private final ReturnRequests returns;
    private final OrderReturning orders;
    private final Clock clock;

    ReturnClearances(ReturnRequests returns, OrderReturning orders, Clock clock) {
        this.returns = returns;
        this.orders = orders;
        this.clock = clock;
    }

    /** The shopper's reason for the return, which its CEB625 carries; empty for an unknown return. */
    public Optional<String> reason(String returnNo) {
        return returns.find(returnNo).map(ReturnRequest::reason);
    }

    /** The return request (CEB625) went to customs: APPROVED → DECLARED. */
    @Transactional
    public boolean declared(String returnNo) {
        return move(returnNo, ReturnStatus.DECLARED, null, "declared to customs (CEB625)");
    }

    /** Customs accepted the return request (CEB626 800): DECLARED → ACCEPTED; the goods may come back. */
    @Transactional
    public boolean accepted(String returnNo) {
        return move(returnNo, ReturnStatus.ACCEPTED, null, "accepted by customs");
    }

    /** Customs refused the return request (CEB626 100 or negative): → REJECTED with its reason, the units free again. */
    @Transactional
    public boolean refusedByCustoms(String returnNo, String reason) {
        String why = reason.length() > ReturnForm.MAX_REASON ? reason.substring(0, ReturnForm.MAX_REASON) : reason;
        return move(returnNo, ReturnStatus.REJECTED, why, "rejected by customs: " + why);
    }

    private boolean move(String returnNo, ReturnStatus next, @Nullable String refusal, String news) {
        ReturnRequest current = returns.lock(returnNo)
                .orElseThrow(() -> new NotFoundException(StaffReturns.NOT_FOUND));
        if (current.status() == next) {
            return false;
        }
        if (!current.status().canBecome(next)) {
            LOG.info("returns: {} is {}, customs' news ({}) changes nothing", returnNo, current.status(), next);
            return false;
        }
        returns.update(current.cleared(next, clock.instant().truncatedTo(ChronoUnit.MICROS), refusal));
        orders.note(current.orderNo(), Clearances.ACTOR_CUSTOMS, "return " + returnNo + " " + news);
        return true;
    }
}
