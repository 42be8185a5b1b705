package io.vitrine.orders.payment.reconciliation;

/**
 * What our books say about one payment or refund of the day.
 *
 * @param completed true when we count it as done (the order paid, the refund made); false for one we know of but
 *                  do not count as done (an order we closed unpaid, a refund still pending): if Alipay's bill has
 *                  it, that is a status difference, not a line missing on our side
 */
public record ExpectedPayment(PaymentEntry entry, boolean completed) {

    public static ExpectedPayment completed(PaymentEntry entry) {
        return new ExpectedPayment(entry, true);
    }

    public static ExpectedPayment notCompleted(PaymentEntry entry) {
        return new ExpectedPayment(entry, false);
    }
}
