package io.vitrine.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The markdown table of one suite: throughput per benchmark, and its ratio to the floor measured in
 * the same run (testing.md "Benchmarks": on a shared machine the ratio is what carries over).
 */
final class ResultTable {

    /**
     * One benchmark's measurement iterations.
     *
     * @param batchMillis the time of each measured iteration (one batch of {@code batchSize} operations)
     * @param relativeError JMH's 99.9 % confidence half-width of the mean batch time, over that mean
     */
    record Row(String name, String operation, int batchSize, List<Double> batchMillis, double relativeError) {

        Row {
            if (batchMillis.isEmpty()) {
                throw new IllegalArgumentException(name + " has no measurement iterations");
            }
            batchMillis = List.copyOf(batchMillis);
        }

        /** Operations per second of each iteration. */
        List<Double> opsPerSecond() {
            return batchMillis.stream().map(ms -> batchSize * 1000.0 / ms).toList();
        }

        double medianOpsPerSecond() {
            List<Double> sorted = new ArrayList<>(opsPerSecond());
            sorted.sort(null);
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }
    }

    private final Row floor;
    private final List<Row> rows;

    /** @param floor the row the others are compared with; it is listed first */
    ResultTable(Row floor, List<Row> others) {
        this.floor = floor;
        this.rows = new ArrayList<>();
        rows.add(floor);
        rows.addAll(others);
    }

    /** How many floor operations one operation of {@code row} costs (median over median). */
    double costInFloorOperations(Row row) {
        return floor.medianOpsPerSecond() / row.medianOpsPerSecond();
    }

    String markdown() {
        StringBuilder table = new StringBuilder();
        table.append("| benchmark | one operation | ops/s (median) | min – max ops/s | ± (99.9 % CI) | cost in floor operations | share of floor throughput |\n");
        table.append("|---|---|--:|--:|--:|--:|--:|\n");
        for (Row row : rows) {
            List<Double> ops = row.opsPerSecond();
            double cost = costInFloorOperations(row);
            table.append("| ").append(row.name())
                    .append(row == floor ? " (floor)" : "")
                    .append(" | ").append(row.operation())
                    .append(" | ").append(grouped(row.medianOpsPerSecond()))
                    .append(" | ").append(grouped(ops.stream().mapToDouble(Double::doubleValue).min().orElseThrow()))
                    .append(" – ").append(grouped(ops.stream().mapToDouble(Double::doubleValue).max().orElseThrow()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.1f %%", row.relativeError() * 100))
                    .append(" | ").append(String.format(Locale.ROOT, "%.2f ×", cost))
                    .append(" | ").append(String.format(Locale.ROOT, "%.1f %%", 100 / cost))
                    .append(" |\n");
        }
        return table.toString();
    }

    private static String grouped(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}
