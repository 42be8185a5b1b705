package io.vitrine.benchmarks;

import org.openjdk.jmh.results.RunResult;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The store-import suite's report: per database, the floor and both imports as rows of a
 * {@link ResultTable} (one operation = one store row, so "ops/s" is stores per second and the cost in
 * floor operations is how many plain inserts' time one imported store takes), and the seconds one
 * 2000-store file takes.
 */
final class StoreImportReport {

    private static final String FLOOR = "plainBatchedInsert";
    private static final String FIRST = "firstImport";
    private static final String AGAIN = "reimport";

    private StoreImportReport() {
    }

    static String of(Collection<RunResult> results, String machine) {
        StringBuilder report = new StringBuilder("# Bulk store import: time per 2000-store file\n\n")
                .append("Measured ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append(" by `./vitrine bench store-import`: JMH 1.37, 1 fork, 1 thread, 4 warmup + 5 measurement ")
                .append("iterations, each one whole import (JMH `SingleShotTime`) into a retailer of its own.\n\n")
                .append(machine).append("; MariaDB at ").append(BenchDatabase.mariaDbUrl()).append(" (loopback).\n\n")
                .append("Data: a ").append(StoreImportBenchmark.FILE.length / 1024).append(" kB UTF-8 CSV of ")
                .append(StoreImportBenchmark.STORES).append(" convenience stores, each with `kiosks` 1 and `pos` 1 ")
                .append("(4000 devices, 4000 credentials). The import is timed from `StoreImport.submit` (file kept, ")
                .append("job queued) to the end of the job run on the benchmark's thread (`JobRunner.runDue`): header ")
                .append("and row checks, 20 batches of 100 rows each in one transaction (stores locked, created, devices ")
                .append("registered through `Devices.register` with their audit rows, credentials sealed), the sealed ")
                .append("result file. HTTP and the poller's pick-up delay are not measured. The floor is one JDBC batch ")
                .append("of the same 2000 `INSERT INTO stores` rows in one transaction on the same connection pool ")
                .append("and driver settings.\n\n");
        for (String database : List.of("h2", "mariadb")) {
            List<RunResult> mine = results.stream()
                    .filter(r -> database.equals(r.getParams().getParam("database"))).toList();
            if (mine.isEmpty()) {
                continue;
            }
            ResultTable.Row floor = row(mine, FLOOR, "one store row of a plain batched JDBC INSERT (the floor)");
            ResultTable.Row first = row(mine, FIRST, "one store row of the first import: store, 1 kiosk, 1 POS, credentials");
            ResultTable.Row again = row(mine, AGAIN, "one store row of the same file imported again (changes nothing)");
            report.append("## ").append(database.equals("h2") ? "Embedded H2 (file database, local files)"
                            : "MariaDB (cluster mode: files in the database)").append("\n\n")
                    .append(new ResultTable(floor, List.of(first, again)).markdown()).append('\n')
                    .append("Seconds per 2000-store file (median): floor ").append(seconds(floor))
                    .append(" s, first import ").append(seconds(first)).append(" s, import again ")
                    .append(seconds(again)).append(" s.\n\n");
        }
        return report.append("\"ops/s\" counts store rows (a batch is one file of ").append(StoreImportBenchmark.STORES)
                .append(" rows); \"cost in floor operations\" = how many plain inserted rows' time one imported row ")
                .append("takes, median over median.\n").toString();
    }

    private static ResultTable.Row row(List<RunResult> results, String method, String operation) {
        RunResult result = results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + method)).findFirst()
                .orElseThrow(() -> new IllegalStateException(method + " did not run (see JMH's output above)"));
        ResultTable.Row timed = Benchmarks.row(result, method, operation);
        // JMH's batch size is 1 (one whole file per operation); the table counts the file's store rows
        return new ResultTable.Row(timed.name(), timed.operation(), StoreImportBenchmark.STORES,
                new ArrayList<>(timed.batchMillis()), timed.relativeError());
    }

    private static String seconds(ResultTable.Row row) {
        return String.format(Locale.ROOT, "%.2f", StoreImportBenchmark.STORES / row.medianOpsPerSecond());
    }
}
