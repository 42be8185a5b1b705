package io.vitrine.oversight.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds up rows into one group's figures. The rows' clearance histograms are kept as read (their bytes) and decoded
 * only when the figures are asked, into the report's one scratch histogram: no histogram per group; a group of one
 * histogram has its percentiles read straight off its bytes.
 */
final class FiguresTally {

    private long orders;
    private long gmvFen;
    private long taxFen;
    private long decided;
    private long passed;
    private long released;
    private long returns;
    private long returnedFen;
    private long refundedFen;
    private long kioskSamples;
    private long kioskOnline;
    private long kioskDays;
    private final List<byte[]> histograms = new ArrayList<>(1);

    void add(RollupRow row) {
        orders += row.orders();
        gmvFen += row.gmvFen();
        taxFen += row.taxFen();
        decided += row.declarationsDecided();
        passed += row.declarationsPassed();
        released += row.released();
        returns += row.returns();
        returnedFen += row.returnedFen();
        refundedFen += row.refundedFen();
        kioskSamples += row.kioskSamples();
        kioskOnline += row.kioskOnlineSamples();
        kioskDays += row.kioskDays();
        if (row.clearanceHistogram() != null && row.clearanceHistogram().length > 0) {
            histograms.add(row.clearanceHistogram());
        }
    }

    void add(FiguresTally other) {
        orders += other.orders;
        gmvFen += other.gmvFen;
        taxFen += other.taxFen;
        decided += other.decided;
        passed += other.passed;
        released += other.released;
        returns += other.returns;
        returnedFen += other.returnedFen;
        refundedFen += other.refundedFen;
        kioskSamples += other.kioskSamples;
        kioskOnline += other.kioskOnline;
        kioskDays += other.kioskDays;
        histograms.addAll(other.histograms);
    }

    /**
     * @param days    the number of China days the figures span (for the kiosks seen per day)
     * @param scratch a histogram to merge this group's clearances into (emptied first)
     */
    StatsFigures figures(long days, ClearanceTimes scratch) {
        Long p50 = null;
        Long p90 = null;
        if (histograms.size() == 1) { // a year row per group, say: read off its bytes
            Long[] percentiles = ClearanceTimes.percentilesOf(histograms.get(0), 50, 90);
            p50 = percentiles[0];
            p90 = percentiles[1];
        } else if (!histograms.isEmpty()) {
            scratch.clear();
            histograms.forEach(scratch::add);
            p50 = scratch.percentile(50);
            p90 = scratch.percentile(90);
        }
        return new StatsFigures(orders, gmvFen, taxFen, decided, passed, released, p50, p90, returns, returnedFen,
                refundedFen, kioskSamples, kioskOnline, kioskDays, days);
    }
}
