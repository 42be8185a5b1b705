package io.vitrine.orders.compliance;

/** How an accepted checkout is taxed (domain.md "Cross-border retail import rules"). */
public enum Taxation {
    /** GENERAL goods, duty-paid: the price includes VAT, no import tax, no declaration, no limits. */
    DUTY_PAID,
    /** Within the limits: no tariff, VAT and consumption tax at 70% (the comprehensive rate). */
    WITHIN_LIMITS,
    /**
     * The single-item exception: one unit of one product with an MFN rate above the per-transaction limit, taxed in
     * full as general trade (tariff, consumption tax and VAT); it still counts toward the annual limit.
     */
    GENERAL_TRADE_SINGLE_ITEM;

    /** True when the order goes to customs with the buyer's identity and counts toward the annual limit. */
    public boolean isDeclared() {
        return this != DUTY_PAID;
    }
}
