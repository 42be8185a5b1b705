package io.vitrine.oversight.risk;

import io.vitrine.kernel.error.FieldChecks;

/**
 * One rule's settings in one park.
 *
 * @param threshold    the count that flags (at least 1)
 * @param windowHours  how far back the count looks (1 hour to a year)
 * @param ratioPercent ORDER_SPLITTING: the share of the single-transaction limit that is "just under" it (1–100);
 *                     SALES_SPIKE: how far above its usual pace a store must be (100–10,000); otherwise unused
 */
public record RuleSettings(RiskRule rule, boolean enabled, int threshold, int windowHours, int ratioPercent) {

    public static final int MAX_THRESHOLD = 100_000;
    public static final int MAX_WINDOW_HOURS = 8_760;

    /** Checks the figures, naming the field ({@code <prefix>threshold}…) and the rule of each one refused. */
    public void check(FieldChecks checks, String prefix) {
        if (threshold < 1 || threshold > MAX_THRESHOLD) {
            checks.fail(prefix + "threshold", "RISK_THRESHOLD_RANGE", "between 1 and " + MAX_THRESHOLD);
        }
        if (windowHours < 1 || windowHours > MAX_WINDOW_HOURS) {
            checks.fail(prefix + "windowHours", "RISK_WINDOW_RANGE", "between 1 and " + MAX_WINDOW_HOURS);
        }
        if (rule == RiskRule.ORDER_SPLITTING && (ratioPercent < 1 || ratioPercent > 100)) {
            checks.fail(prefix + "ratioPercent", "RISK_SPLIT_RATIO_RANGE", "between 1 and 100");
        }
        if (rule == RiskRule.SALES_SPIKE && (ratioPercent < 100 || ratioPercent > 10_000)) {
            checks.fail(prefix + "ratioPercent", "RISK_SPIKE_RATIO_RANGE", "between 100 and 10000");
        }
    }
}
