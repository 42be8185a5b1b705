package io.vitrine.oversight.stats;

import io.micronaut.core.annotation.Nullable;

/**
 * What one event (or one kiosk sample) adds to its aggregate rows (all zero but what it is about).
 *
 * @param clearanceSeconds   the released declaration's clearance time, null for anything else
 * @param refundedFen        refunds counted against GMV (a return's, an order refused at clearance's full refund)
 * @param kioskSamples       kiosks (paired, not revoked) counted by a sample of the fleet
 * @param kioskOnlineSamples ... of which online then
 * @param kioskDays          kiosks seen online for the first time this China day
 */
public record StatsDelta(long orders, long gmvFen, long taxFen, long declarationsDecided, long declarationsPassed,
                         long released, @Nullable Long clearanceSeconds, long returns, long returnedFen,
                         long refundedFen, long kioskSamples, long kioskOnlineSamples, long kioskDays) {

    public static StatsDelta paid(long gmvFen, long taxFen) {
        return new StatsDelta(1, gmvFen, taxFen, 0, 0, 0, null, 0, 0, 0, 0, 0, 0);
    }

    public static StatsDelta decided(boolean passed) {
        return new StatsDelta(0, 0, 0, 1, passed ? 1 : 0, 0, null, 0, 0, 0, 0, 0, 0);
    }

    /** Takes back a first decision counted before (an earlier one arrived late and replaces it). */
    public static StatsDelta undecided(boolean passed) {
        return new StatsDelta(0, 0, 0, -1, passed ? -1 : 0, 0, null, 0, 0, 0, 0, 0, 0);
    }

    public static StatsDelta released(long clearanceSeconds) {
        return new StatsDelta(0, 0, 0, 0, 0, 1, clearanceSeconds, 0, 0, 0, 0, 0, 0);
    }

    /** A return whose goods came back: its refund is one of the refunds netted off GMV. */
    public static StatsDelta returned(long returnedFen) {
        return new StatsDelta(0, 0, 0, 0, 0, 0, null, 1, returnedFen, returnedFen, 0, 0, 0);
    }

    /** A refund that is not a return's (an order refused at clearance, refunded in full). */
    public static StatsDelta refunded(long refundedFen) {
        return new StatsDelta(0, 0, 0, 0, 0, 0, null, 0, 0, refundedFen, 0, 0, 0);
    }

    /** One sample of a store's kiosks: how many there are, how many are online, how many are newly seen today. */
    public static StatsDelta kiosks(long kiosks, long online, long newToday) {
        return new StatsDelta(0, 0, 0, 0, 0, 0, null, 0, 0, 0, kiosks, online, newToday);
    }

    /** Only kiosk figures: they have no trade mode or origin, so no {@link Grain#MIX} row. */
    public boolean kiosksOnly() {
        return orders == 0 && gmvFen == 0 && taxFen == 0 && declarationsDecided == 0 && declarationsPassed == 0
                && released == 0 && clearanceSeconds == null && returns == 0 && returnedFen == 0 && refundedFen == 0;
    }

    /** Both deltas at once (a release that is also the declaration's first decision). */
    public StatsDelta plus(StatsDelta other) {
        if (clearanceSeconds != null && other.clearanceSeconds != null) {
            throw new IllegalArgumentException("one clearance per delta");
        }
        return new StatsDelta(orders + other.orders, gmvFen + other.gmvFen, taxFen + other.taxFen,
                declarationsDecided + other.declarationsDecided, declarationsPassed + other.declarationsPassed,
                released + other.released, clearanceSeconds != null ? clearanceSeconds : other.clearanceSeconds,
                returns + other.returns, returnedFen + other.returnedFen, refundedFen + other.refundedFen,
                kioskSamples + other.kioskSamples,
                kioskOnlineSamples + other.kioskOnlineSamples, kioskDays + other.kioskDays);
    }
}
