package io.vitrine.orders.payment.reconciliation;

/** A bill line's 业务类型: a payment (交易) or a refund (退款). */
public enum EntryKind {
    PAYMENT("交易"),
    REFUND("退款");

    private final String billText;

    EntryKind(String billText) {
        this.billText = billText;
    }

    /** The 业务类型 text Alipay's bill uses. */
    public String billText() {
        return billText;
    }
}
