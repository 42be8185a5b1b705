package io.vitrine.orders.payment.reconciliation;

/** How a run ended. */
public enum ReconciliationOutcome {
    /** Every bill line matched ours and nothing of ours is missing from the bill. */
    MATCHED,
    /** Compared; at least one difference is listed. */
    DIFFERENCES,
    /** Nothing compared: the bill could not be had or read (the report says why). Run it again. */
    FAILED
}
