package io.vitrine.orders.returns;

import io.vitrine.kernel.error.ConflictException;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A return's statuses (api.md "Orders, payments, customs, returns") and, in {@link #ALLOWED}, every transition between
 * them: the one place that says what may follow what. Anything else is a 409.
 */
public enum ReturnStatus {
    /** Asked for by the shopper or opened at the counter; waiting for the retailer. */
    REQUESTED,
    /** The retailer agreed; customs is to be asked (CEB625). */
    APPROVED,
    /** The return request (CEB625) went to customs. */
    DECLARED,
    /** Customs accepted the return request. */
    ACCEPTED,
    /** The goods are back in the bonded site; the refund follows. */
    GOODS_RECEIVED,
    REFUNDED,
    /**
     * Alipay refused the refund for a reason retrying cannot fix ({@link RefundFailures}): no longer retried; the
     * goods stay back, the alert is raised, and a merchant admin re-queues it (back to GOODS_RECEIVED, the same
     * out_request_no, so it is never paid twice) once the cause is fixed.
     */
    REFUND_FAILED,
    /** The retailer refused it, or customs refused its return request (CEB626 100 or negative), with the reason. */
    REJECTED,
    /** The goods were not back within 45 days of release: no tax refund, no quota change. */
    EXPIRED;

    private static final Map<ReturnStatus, Set<ReturnStatus>> ALLOWED = new EnumMap<>(ReturnStatus.class);

    static {
        ALLOWED.put(REQUESTED, EnumSet.of(APPROVED, REJECTED, EXPIRED));
        ALLOWED.put(APPROVED, EnumSet.of(DECLARED, REJECTED, EXPIRED));
        ALLOWED.put(DECLARED, EnumSet.of(ACCEPTED, REJECTED, EXPIRED));
        ALLOWED.put(ACCEPTED, EnumSet.of(GOODS_RECEIVED, EXPIRED));
        ALLOWED.put(GOODS_RECEIVED, EnumSet.of(REFUNDED, REFUND_FAILED));
        ALLOWED.put(REFUND_FAILED, EnumSet.of(GOODS_RECEIVED));
        ALLOWED.put(REFUNDED, EnumSet.noneOf(ReturnStatus.class));
        ALLOWED.put(REJECTED, EnumSet.noneOf(ReturnStatus.class));
        ALLOWED.put(EXPIRED, EnumSet.noneOf(ReturnStatus.class));
    }

    public boolean canBecome(ReturnStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    /** @throws ConflictException (409) when the table does not allow it */
    public void requireCanBecome(ReturnStatus next) {
        if (!canBecome(next)) {
            throw new ConflictException("A return " + name() + " cannot become " + next.name() + ".");
        }
    }

    /** Its goods are back at the bonded site: received, refunded, or its refund failed and waits for a retry. */
    public boolean goodsBack() {
        return this == GOODS_RECEIVED || this == REFUND_FAILED || this == REFUNDED;
    }

    /** Still claims its units: every status but REJECTED and EXPIRED counts against what may be returned. */
    public boolean claimsUnits() {
        return this != REJECTED && this != EXPIRED;
    }
}
