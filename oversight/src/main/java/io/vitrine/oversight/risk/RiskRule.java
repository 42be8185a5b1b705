package io.vitrine.oversight.risk;

/**
 * The park's risk rules, each named, each on or off with its own figures per park ({@link RuleSettings}); the
 * defaults are what a park has until its admin changes them: the suggested figures, each rule off. Every rule counts paid orders screened within the
 * window that ends at the order's payment, the order itself included, and flags the order that reaches the
 * threshold:
 * <ul>
 *   <li>{@link #FREQUENT_BUYER}: one ID number's orders across the park;</li>
 *   <li>{@link #PROXY_BUYING}: distinct ID numbers shipping to one address, or to one consignee phone;</li>
 *   <li>{@link #ORDER_SPLITTING}: one ID number's orders each at least {@code ratioPercent} of the single-transaction
 *   limit (5,000 CNY: goods, freight and insurance), i.e. just under it;</li>
 *   <li>{@link #IDENTITY_FAILURES}: one ID number's earlier orders refused because the payer was not the buyer;</li>
 *   <li>{@link #SALES_SPIKE}: a store's orders in the window, when they also exceed {@code ratioPercent} of its
 *   average per window over the seven windows before.</li>
 * </ul>
 */
public enum RiskRule {
    FREQUENT_BUYER(6, 24, 0),
    PROXY_BUYING(4, 168, 0),
    ORDER_SPLITTING(3, 72, 90),
    IDENTITY_FAILURES(2, 720, 0),
    SALES_SPIKE(30, 1, 500);

    private final int threshold;
    private final int windowHours;
    private final int ratioPercent;

    RiskRule(int threshold, int windowHours, int ratioPercent) {
        this.threshold = threshold;
        this.windowHours = windowHours;
        this.ratioPercent = ratioPercent;
    }

    /**
     * The suggested figures, off: a park turns each rule on deliberately, having seen them (an order a rule holds
     * waits for the park's review, so switching one on is the park's decision, not a deployment's).
     */
    public RuleSettings defaults() {
        return new RuleSettings(this, false, threshold, windowHours, ratioPercent);
    }

    /** Whether {@code ratioPercent} means something for this rule. */
    public boolean usesRatio() {
        return this == ORDER_SPLITTING || this == SALES_SPIKE;
    }
}
