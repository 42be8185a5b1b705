package io.vitrine.orders.payment.reconciliation;

import java.util.List;

/**
 * A day's Alipay trade bill as read: its lines, and the counts its own footer declares
 * ({@code #交易合计：N笔，退款合计：M笔}), which the reader has already checked against the lines.
 */
public record AlipayBill(String account, List<PaymentEntry> entries) {

    public AlipayBill {
        entries = List.copyOf(entries);
    }

    public Totals totals() {
        return Totals.of(entries);
    }
}
