package io.vitrine.orders.compliance;

import io.vitrine.kernel.money.Money;

/**
 * The two limits of cross-border retail import (domain.md): they count the transaction price, goods plus
 * freight plus insurance. The figures are the regulation's, not a setting: a deployment cannot change them.
 */
public final class CrossBorderLimits {

    /** At most 5,000 CNY per transaction. */
    public static final Money SINGLE_TRANSACTION = Money.ofFen(500_000);

    /** At most 26,000 CNY per person (ID number) per calendar year in China time. */
    public static final Money ANNUAL = Money.ofFen(2_600_000);

    private CrossBorderLimits() {
    }
}
