package io.vitrine.orders.returns;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.error.ConflictException;

import java.time.Instant;
import java.util.List;

/**
 * A return as stored: the order it is of, its lines, its status, the shopper's reason, who opened it and the
 * retailer's decision.
 *
 * @param openedBy   {@code shopper}, or the staff id of whoever opened it at the counter
 * @param releasedAt the order's release by customs, which the return windows count from
 * @param version    optimistic lock: every change writes {@code version + 1} where the version was read
 */
public record ReturnRequest(String id, String returnNo, String orderId, String orderNo, String storeCode,
                            ReturnStatus status, String reason, ReturnChannel channel, String openedBy,
                            Instant requestedAt, Instant releasedAt, @Nullable Instant decidedAt,
                            @Nullable String decidedBy, @Nullable String rejectionReason, Instant updatedAt,
                            int version, List<ReturnLine> lines) {

    public ReturnRequest {
        lines = List.copyOf(lines);
    }

    /**
     * This return moved to {@code next} by the retailer's decision at {@code at}: only a REQUESTED return is the
     * retailer's to decide (the table also lets customs reject an APPROVED one: {@link #cleared}), 409 otherwise.
     */
    ReturnRequest decided(ReturnStatus next, String by, Instant at, @Nullable String rejection) {
        status.requireCanBecome(next);
        if (status != ReturnStatus.REQUESTED) {
            throw new ConflictException("A return " + status.name() + " is decided already: it cannot become "
                    + next.name() + " by the retailer.");
        }
        return new ReturnRequest(id, returnNo, orderId, orderNo, storeCode, next, reason, channel, openedBy,
                requestedAt, releasedAt, at, by, rejection, at, version, lines);
    }

    /**
     * This return moved to {@code next} by customs' answer at {@code at}, the retailer's decision kept; a refusal's
     * reason becomes the rejection reason.
     */
    ReturnRequest cleared(ReturnStatus next, Instant at, @Nullable String refusal) {
        status.requireCanBecome(next);
        return new ReturnRequest(id, returnNo, orderId, orderNo, storeCode, next, reason, channel, openedBy,
                requestedAt, releasedAt, decidedAt, decidedBy, refusal == null ? rejectionReason : refusal, at,
                version, lines);
    }

    /** This return moved to {@code next} at {@code at} (goods received, refunded, expired); the decision stays. */
    ReturnRequest movedTo(ReturnStatus next, Instant at) {
        return cleared(next, at, null);
    }

    /** This return as it is once written: the next version (a write needs no read back). */
    public ReturnRequest written() {
        return new ReturnRequest(id, returnNo, orderId, orderNo, storeCode, status, reason, channel, openedBy,
                requestedAt, releasedAt, decidedAt, decidedBy, rejectionReason, updatedAt, version + 1, lines);
    }

    /** {@code 2 × SKU-1, 1 × SKU-2}: what comes back, for the order's timeline. */
    static String describe(List<ReturnLine> lines) {
        return String.join(", ", lines.stream().map(line -> line.quantity() + " × " + line.sku()).toList());
    }
}
