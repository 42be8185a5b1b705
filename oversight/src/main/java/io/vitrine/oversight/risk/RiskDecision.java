package io.vitrine.oversight.risk;

/** What a review decides for a held order. */
public enum RiskDecision {
    /** Declare it after all. */
    RELEASE(FlagStatus.RELEASED),
    /** Cancel it, refunded in full. */
    CANCEL(FlagStatus.CANCELLED);

    private final FlagStatus outcome;

    RiskDecision(FlagStatus outcome) {
        this.outcome = outcome;
    }

    public FlagStatus outcome() {
        return outcome;
    }
}
