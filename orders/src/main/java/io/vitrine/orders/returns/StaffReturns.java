package io.vitrine.orders.returns;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.tenants.access.Actor;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The shop's returns for its staff (api.md {@code GET /api/v1/returns?status=}, {@code GET …/{returnNo}}) and a
 * return opened at the counter for a shopper ({@code POST /api/v1/orders/{orderNo}/returns}), in the current tenant.
 * A store manager sees, and opens returns of, only the orders of their stores; any other is not found.
 */
@Singleton
public class StaffReturns {

    static final String NOT_FOUND = "No such return.";

    private final ReturnRequests returns;
    private final ReturnOpening opening;
    private final VisibleStores stores;
    private final ReturnRefunds refunds;
    private final ReturnedGoods goods;

    StaffReturns(ReturnRequests returns, ReturnOpening opening, VisibleStores stores, ReturnRefunds refunds,
                 ReturnedGoods goods) {
        this.returns = returns;
        this.opening = opening;
        this.stores = stores;
        this.refunds = refunds;
        this.goods = goods;
    }

    /** A return REQUESTED on the shopper's behalf, recorded as opened at the counter by {@code by}. */
    public ReturnRequest openAtCounter(Actor by, String orderNo, RequestReturn request) {
        ReturnForm form = ReturnForm.check(request);
        return opening.open(orderNo, form, ReturnChannel.COUNTER, by.id(), store -> stores.sees(by, store));
    }

    /** The returns the caller sees, newest first. */
    @Transactional(readOnly = true)
    public ReturnRequests.ReturnPage list(Actor by, @Nullable ReturnStatus status, int page, int size) {
        List<String> visible = stores.of(by);
        if (visible != null && visible.isEmpty()) {
            return new ReturnRequests.ReturnPage(List.of(), 0);
        }
        return returns.list(new ReturnRequests.ReturnFilter(status, visible), page, size);
    }

    @Transactional(readOnly = true)
    public ReturnRequest get(Actor by, String returnNo) {
        return returns.find(returnNo).filter(found -> stores.sees(by, found.storeCode()))
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    /**
     * What the return gives back ({@link RefundOutlook}): recorded once its goods are back, else worked out now by
     * the refund's own computation. 404 as {@link #get}.
     */
    @Transactional(readOnly = true)
    public RefundOutlook refund(Actor by, String returnNo) {
        ReturnRequest found = get(by, returnNo);
        return refunds.find(returnNo).map(RefundOutlook::of)
                .orElseGet(() -> RefundOutlook.expected(goods.shareOf(found)));
    }
}
