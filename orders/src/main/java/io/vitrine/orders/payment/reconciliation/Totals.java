package io.vitrine.orders.payment.reconciliation;

import io.vitrine.kernel.money.Money;

import java.util.Collection;

/** Counts and sums of one side: payments, refunds and what is left (payments − refunds). */
public record Totals(int payments, Money paymentsAmount, int refunds, Money refundsAmount) {

    public static final Totals NONE = new Totals(0, Money.ZERO, 0, Money.ZERO);

    public static Totals of(Collection<PaymentEntry> entries) {
        Totals totals = NONE;
        for (PaymentEntry entry : entries) {
            totals = totals.plus(entry);
        }
        return totals;
    }

    Totals plus(PaymentEntry entry) {
        return entry.kind() == EntryKind.PAYMENT
                ? new Totals(payments + 1, paymentsAmount.plus(entry.amount()), refunds, refundsAmount)
                : new Totals(payments, paymentsAmount, refunds + 1, refundsAmount.plus(entry.amount()));
    }

    public Money net() {
        return paymentsAmount.minus(refundsAmount);
    }
}
