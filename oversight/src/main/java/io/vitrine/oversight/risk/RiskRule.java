package io.vitrine.oversight.risk;

/**
 * The park's risk rules, each named, each on or off with its own figures per park ({@link RuleSettings}). A park
 * created from now on starts with {@link #onboarding()} saved (the rules counting one ID number's orders on, the
 * address and store rules off); a scope that never saved a rule — a park created before, a tenant of no park — has
 * {@link #defaults()}: the suggested figures, each rule off. Every rule counts paid orders screened within the
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
    FREQUENT_BUYER(6, 24, 0, true),
    PROXY_BUYING(4, 168, 0, false),
    ORDER_SPLITTING(3, 72, 90, true),
    IDENTITY_FAILURES(2, 720, 0, true),
    SALES_SPIKE(30, 1, 500, false);

    private final int threshold;
    private final int windowHours;
    private final int ratioPercent;
    private final boolean onAtOnboarding;

    RiskRule(int threshold, int windowHours, int ratioPercent, boolean onAtOnboarding) {
        this.threshold = threshold;
        this.windowHours = windowHours;
        this.ratioPercent = ratioPercent;
        this.onAtOnboarding = onAtOnboarding;
    }

    /**
     * The suggested figures, off: a park turns each rule on deliberately, having seen them (an order a rule holds
     * waits for the park's review, so switching one on is the park's decision, not a deployment's).
     */
    public RuleSettings defaults() {
        return new RuleSettings(this, false, threshold, windowHours, ratioPercent);
    }

    /**
     * What a new park starts with (saved when the park is created): the suggested figures, on for the rules that count
     * one ID number's orders — a shopper buying for herself does not reach them — and off for PROXY_BUYING and
     * SALES_SPIKE, which legitimate traffic reaches until the park tunes them (a store's pick-up address or an office
     * receives many buyers' parcels; a promotion or a new store's first hour is a spike against no baseline).
     */
    public RuleSettings onboarding() {
        return new RuleSettings(this, onAtOnboarding, threshold, windowHours, ratioPercent);
    }

    /** Whether {@code ratioPercent} means something for this rule. */
    public boolean usesRatio() {
        return this == ORDER_SPLITTING || this == SALES_SPIKE;
    }
}
