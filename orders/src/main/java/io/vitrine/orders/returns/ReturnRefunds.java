package io.vitrine.orders.returns;

import java.time.Instant;
import java.util.Optional;

/** The {@code return_refunds} table (V38), in the current tenant; every call joins the caller's transaction. */
public interface ReturnRefunds {

    /** Once per return: its unique return number refuses a second row. */
    void insert(ReturnRefund refund);

    Optional<ReturnRefund> find(String returnNo);

    /** Alipay confirmed the refund at {@code at}. */
    void refunded(String returnNo, Instant at);

    /** Alipay refused it for good: the failure kept until {@link #requeued}. */
    void failed(String returnNo, RefundFailure failure);

    /** A merchant admin ({@code by}) re-queued the failed refund: its failure cleared. */
    void requeued(String returnNo, String by);
}
