package io.vitrine.oversight.stats;

/** Adds up rows into one group's figures; their clearance histograms merged into one. */
final class FiguresTally {

    private long orders;
    private long gmvFen;
    private long taxFen;
    private long decided;
    private long passed;
    private long released;
    private long returns;
    private long returnedFen;
    private long kioskSamples;
    private long kioskOnline;
    private long kioskDays;
    private ClearanceTimes clearance;

    void add(RollupRow row) {
        orders += row.orders();
        gmvFen += row.gmvFen();
        taxFen += row.taxFen();
        decided += row.declarationsDecided();
        passed += row.declarationsPassed();
        released += row.released();
        returns += row.returns();
        returnedFen += row.returnedFen();
        kioskSamples += row.kioskSamples();
        kioskOnline += row.kioskOnlineSamples();
        kioskDays += row.kioskDays();
        if (row.clearanceHistogram() != null && row.clearanceHistogram().length > 0) {
            if (clearance == null) {
                clearance = ClearanceTimes.empty();
            }
            clearance.add(row.clearanceHistogram());
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
        kioskSamples += other.kioskSamples;
        kioskOnline += other.kioskOnline;
        kioskDays += other.kioskDays;
        if (other.clearance != null) {
            if (clearance == null) {
                clearance = ClearanceTimes.empty();
            }
            clearance.add(other.clearance);
        }
    }

    /** @param days the number of China days the figures span (for the kiosks seen per day) */
    StatsFigures figures(long days) {
        return new StatsFigures(orders, gmvFen, taxFen, decided, passed, released,
                clearance == null ? null : clearance.percentile(50), clearance == null ? null : clearance.percentile(90),
                returns, returnedFen, kioskSamples, kioskOnline, kioskDays, days);
    }
}
