package io.vitrine.oversight.stats;

import io.micronaut.core.annotation.Nullable;

/**
 * The figures of one group (or of the whole report) over a range. Money in fen.
 *
 * @param gmvFen              what shoppers paid for the orders paid in the range (goods, freight, tax, less discount)
 * @param taxFen              the cross-border tax those orders collected
 * @param declarationsDecided declarations whose first customs decision fell in the range
 * @param declarationsPassed  ... and was the release (never rejected before)
 * @param released            declarations released in the range
 * @param clearanceP50Seconds median clearance time of those (opening → release), null when none
 * @param returns             returns whose goods came back in the range
 * @param returnedFen         what those returns refund
 * @param refundedFen         refunds counted in the range: those returns' and the full refunds of orders refused at
 *                            clearance (a shop's own cancellation publishes no event and is not counted)
 * @param kioskSamples        kiosks counted by the fleet samples of the range (a kiosk once per sample)
 * @param kioskOnlineSamples  ... online at the time
 * @param kioskDays           kiosks seen online, once per kiosk and China day
 * @param days                the China days these figures span
 */
public record StatsFigures(long orders, long gmvFen, long taxFen, long declarationsDecided, long declarationsPassed,
                           long released, @Nullable Long clearanceP50Seconds, @Nullable Long clearanceP90Seconds,
                           long returns, long returnedFen, long refundedFen, long kioskSamples, long kioskOnlineSamples,
                           long kioskDays, long days) {

    /** Net GMV: what was paid less what was refunded in the range (fen). */
    public long netGmvFen() {
        return gmvFen - refundedFen;
    }

    /** Kiosks seen online per day on average (by day: that day's), 1 decimal; null when no kiosk was sampled. */
    @Nullable
    public Double activeKiosks() {
        return kioskSamples == 0 || days == 0 ? null : Math.round(kioskDays * 10.0 / days) / 10.0;
    }

    /** Online samples ÷ samples, 0–1 rounded to 4 places; null when no kiosk was sampled. */
    @Nullable
    public Double kioskUptime() {
        return kioskSamples == 0 ? null : round((double) kioskOnlineSamples / kioskSamples);
    }

    /** Passed ÷ decided, 0–1 rounded to 4 places; null when no declaration was decided. */
    @Nullable
    public Double declarationPassRate() {
        return declarationsDecided == 0 ? null : round((double) declarationsPassed / declarationsDecided);
    }

    /** Returns ÷ orders of the range, 0–1 rounded to 4 places; null without orders. */
    @Nullable
    public Double returnRate() {
        return orders == 0 ? null : round((double) returns / orders);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
