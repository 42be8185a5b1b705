package io.vitrine.benchmarks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The freshness benchmark's markdown: settings, machine, and one row per engine and kind of change. */
final class FreshnessReport {

    private FreshnessReport() {
    }

    static String of(FreshnessBenchmark.Options options, List<FreshnessBenchmark.Row> rows, String loadBefore, String loadAfter) {
        StringBuilder md = new StringBuilder("# Freshness: from a write's 2xx to the change being searchable (issue #4)\n\n");
        md.append("Measured ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" by `./vitrine bench freshness`: a shop of ")
                .append(String.format(Locale.ROOT, "%,d", options.products())).append(" generated products, reindexed; ")
                .append("then, per kind, ").append(options.changes()).append(" changes through the staff API at ")
                .append(fmt(options.rate())).append("/s (open loop), each on a product of its own, each followed by a ")
                .append("storefront search by its barcode (`GET /s/{shop}/api/search?q=<gtin>`) every ")
                .append(options.probeInterval().toMillis()).append(" ms until the answer shows it (after ")
                .append(FreshnessBenchmark.WARM_UP_CHANGES).append(" unreported mixed changes ")
                .append("to warm the JIT).\n\n");
        md.append("Settings: outbox poll interval `").append(options.outboxPollInterval()).append("`, dispatch after commit `")
                .append(options.dispatchAfterCommit()).append("`, Elasticsearch refresh interval `").append(options.refreshInterval())
                .append("` and immediate refresh of writes up to ").append(options.refreshWritesUpTo())
                .append(" documents (1 shard, 0 replicas; `tools/es-test-node`), Lucene on ").append(options.luceneDatabase())
                .append(", Elasticsearch with MariaDB + Redis (cluster mode). Application `-Xmx1g`.\n\n");
        md.append(Benchmarks.machine("uptime " + loadBefore + " before, " + loadAfter + " after"))
                .append(". The machine is shared with other helpers' builds and test suites.\n\n");
        md.append("| engine | database | change | count | p50 ms | p90 ms | p99 ms | max ms | within 1 s | write p50 ms "
                + "| polls per change | poll mean ms | app CPU ms per change | failed |\n");
        md.append("|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (FreshnessBenchmark.Row row : rows) {
            Figures f = Figures.of(row);
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %.0f | %.0f | %.0f | %.0f | %.1f %% | %.0f | %.1f | %.1f | %.1f | %d |%n",
                    row.engine(), row.database(), row.kind().label(), f.count, f.fresh(50), f.fresh(90), f.fresh(99), f.max(),
                    f.withinSecond, f.write(50), f.pollsPerChange, f.pollMillis, row.appCpuMillis(), f.failed));
        }
        md.append("\nFreshness is from the write's 2xx answer to the arrival of the first search answer that shows the change, "
                + "so it includes up to one probe interval plus one search round trip (\"poll mean\") of resolution. "
                + "\"within 1 s\" counts failed changes as late. \"app CPU\" is the application process's CPU over the kind's run "
                + "divided by its changes: the write, the outbox delivery, the indexing and the probe's searches.\n");
        rows.stream().flatMap(r -> r.outcomes().stream()).map(FreshnessProbe.Outcome::failure).filter(Objects::nonNull)
                .findFirst().ifPresent(first -> md.append("\nFirst failure: ").append(first).append('\n'));
        return md.toString();
    }

    static String summary(FreshnessBenchmark.Row row) {
        Figures f = Figures.of(row);
        return String.format(Locale.ROOT, "%d changes: p50 %.0f ms, p90 %.0f, p99 %.0f, max %.0f, %.1f %% within 1 s, "
                        + "write p50 %.0f ms, %.1f polls of %.1f ms each, app CPU %.1f ms per change, %d failed",
                f.count, f.fresh(50), f.fresh(90), f.fresh(99), f.max(), f.withinSecond, f.write(50), f.pollsPerChange,
                f.pollMillis, row.appCpuMillis(), f.failed)
                + row.outcomes().stream().map(FreshnessProbe.Outcome::failure).filter(Objects::nonNull).findFirst()
                .map(first -> " (first: " + first + ")").orElse("");
    }

    private record Figures(int count, double[] freshMillis, double[] writeMillis, double withinSecond, double pollsPerChange,
                           double pollMillis, int failed) {

        static Figures of(FreshnessBenchmark.Row row) {
            List<FreshnessProbe.Outcome> outcomes = row.outcomes();
            double[] fresh = outcomes.stream().filter(o -> o.freshNanos() >= 0).mapToDouble(o -> o.freshNanos() / 1e6).sorted().toArray();
            double[] write = outcomes.stream().mapToDouble(o -> o.writeNanos() / 1e6).sorted().toArray();
            long within = Arrays.stream(fresh).filter(ms -> ms <= 1000).count();
            long polls = outcomes.stream().mapToLong(FreshnessProbe.Outcome::polls).sum();
            long pollNanos = outcomes.stream().mapToLong(FreshnessProbe.Outcome::pollNanos).sum();
            return new Figures(outcomes.size(), fresh, write, 100.0 * within / Math.max(1, outcomes.size()),
                    (double) polls / Math.max(1, outcomes.size()), polls == 0 ? 0 : pollNanos / 1e6 / polls,
                    outcomes.size() - fresh.length);
        }

        double fresh(int percentile) {
            return percentile(freshMillis, percentile);
        }

        double write(int percentile) {
            return percentile(writeMillis, percentile);
        }

        double max() {
            return freshMillis.length == 0 ? Double.NaN : freshMillis[freshMillis.length - 1];
        }

        /** Nearest rank. */
        private static double percentile(double[] sorted, int percentile) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
        }
    }

    private static String fmt(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }
}
