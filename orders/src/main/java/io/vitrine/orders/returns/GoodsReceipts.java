package io.vitrine.orders.returns;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.outbox.Outbox;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.orders.ordering.OrderReturning;
import io.vitrine.orders.ordering.ReturnableOrder;
import io.vitrine.tenants.access.Actor;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Predicate;

/**
 * The goods of a return are back at the bonded site (api.md {@code POST /api/v1/returns/{returnNo}/received}), told by
 * staff or by the warehouse partner's device, in the current tenant. In one transaction, the return's row locked,
 * then its order's: ACCEPTED → GOODS_RECEIVED, the refund's share recorded ({@link ReturnRefund}), stock, quota and
 * the order's status by {@link ReturnedGoods}, and {@link ReturnReceived} in the outbox, which {@link ReturnRefunding}
 * turns into the Alipay refund. A second confirmation (goods back already: GOODS_RECEIVED, REFUND_FAILED or REFUNDED) answers the same and
 * changes nothing; any other status is a 409 naming it. From the first instant (China time) of the 46th day after the
 * release day the goods are no longer taken: 422 {@code RETURN_EXPIRED} (the expiry round then ends the return).
 */
@Singleton
public class GoodsReceipts {

    /** Days after the release day by which the goods must be back (domain.md "Returns"). */
    public static final int RECEIPT_DAYS = 45;

    private final ReturnRequests returns;
    private final ReturnRefunds refunds;
    private final OrderReturning orders;
    private final ReturnedGoods goods;
    private final VisibleStores stores;
    private final Outbox outbox;
    private final CurrentTenant currentTenant;
    private final Clock clock;

    GoodsReceipts(ReturnRequests returns, ReturnRefunds refunds, OrderReturning orders, ReturnedGoods goods,
                  VisibleStores stores, Outbox outbox, CurrentTenant currentTenant, Clock clock) {
        this.stores = stores;
        this.returns = returns;
        this.refunds = refunds;
        this.orders = orders;
        this.goods = goods;
        this.outbox = outbox;
        this.currentTenant = currentTenant;
        this.clock = clock;
    }

    /** The answer: the return as it is, its refund, and whether this call received it (false for a repeat). */
    public record Receipt(ReturnRequest request, ReturnRefund refund, boolean received) {
    }

    /** Staff confirm: a store manager only their stores' returns (another is 404, as is another tenant's). */
    @Transactional
    public Receipt byStaff(Actor by, String returnNo) {
        return receive(by.id(), returnNo, store -> stores.sees(by, store));
    }

    /** The warehouse partner's device confirms (the device is the tenant's: another tenant's return is 404). */
    @Transactional
    public Receipt byDevice(String deviceKey, String returnNo) {
        return receive("device:" + deviceKey, returnNo, store -> true);
    }

    private Receipt receive(String by, String returnNo, Predicate<String> visible) {
        ReturnRequest found = returns.lock(returnNo).filter(r -> visible.test(r.storeCode()))
                .orElseThrow(() -> new NotFoundException(StaffReturns.NOT_FOUND));
        if (found.status().goodsBack()) {
            return new Receipt(found, refunds.find(returnNo).orElseThrow(), false);
        }
        if (found.status() != ReturnStatus.ACCEPTED) {
            throw new ConflictException("Return " + returnNo + " is " + found.status().name()
                    + ": its goods are received once customs has accepted the return (ACCEPTED).");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate last = lastDay(found.releasedAt());
        if (!now.isBefore(ChinaTime.endOfDay(last))) {
            throw new ReturnRefusedException("RETURN_EXPIRED", "The goods of a return are back within " + RECEIPT_DAYS
                    + " days of release: order " + found.orderNo() + " was released on "
                    + ChinaTime.dateOf(found.releasedAt()) + ", the last day was " + last + " (China time).",
                    List.of());
        }
        ReturnableOrder order = orders.lock(found.orderNo());
        ReturnRequest received = returns.update(found.movedTo(ReturnStatus.GOODS_RECEIVED, now));
        RefundShare share = goods.shareOf(received);
        Money reduced = goods.restore(received, share, order, returns.ofOrder(received.orderNo()), by);
        ReturnRefund refund = new ReturnRefund(received.id(), returnNo, received.orderNo(), share.goods(),
                share.tax(), share.freight(), reduced, now, by, null, null);
        refunds.insert(refund);
        outbox.publish(ReturnReceived.of(currentTenant.require(), refund));
        return new Receipt(received, refund, true);
    }

    /** The last day (China time) the goods of a return of goods released at {@code releasedAt} may come back. */
    public static LocalDate lastDay(Instant releasedAt) {
        return ChinaTime.dateOf(releasedAt).plusDays(RECEIPT_DAYS);
    }
}
