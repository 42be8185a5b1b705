package io.vitrine.orders.quota;

import io.vitrine.kernel.money.Money;
import io.vitrine.orders.compliance.CrossBorderLimits;

import java.time.Year;

/**
 * One person's standing in one calendar year: what open orders reserve and what paid orders consume. Both count
 * toward the limit, so a person cannot exceed it by ordering several times before paying.
 */
public record AnnualQuota(Year year, Money reserved, Money consumed) {

    public static AnnualQuota empty(Year year) {
        return new AnnualQuota(year, Money.ZERO, Money.ZERO);
    }

    /** Reserved plus consumed: what the limit is measured against. */
    public Money held() {
        return reserved.plus(consumed);
    }

    /** What the person can still order this year (never negative). */
    public Money remaining() {
        return CrossBorderLimits.ANNUAL.minus(held()).max(Money.ZERO);
    }

    boolean fits(Money amount) {
        return !held().plus(amount).isGreaterThan(CrossBorderLimits.ANNUAL);
    }

    AnnualQuota withReserved(Money delta) {
        return new AnnualQuota(year, reserved.plus(delta), consumed);
    }

    AnnualQuota withConsumed(Money delta) {
        return new AnnualQuota(year, reserved, consumed.plus(delta));
    }
}
