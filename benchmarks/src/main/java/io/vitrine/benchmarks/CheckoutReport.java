package io.vitrine.benchmarks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

/** The checkout benchmark's markdown: the load table per client count, then the statements of each step. */
final class CheckoutReport {

    private CheckoutReport() {
    }

    static String of(CheckoutBenchmark.Options options, List<CheckoutBenchmark.Row> rows,
                     Optional<CheckoutBenchmark.StepCounts> steps, String outcome, String machine) {
        StringBuilder md = new StringBuilder();
        md.append("# Checkout: orders placed and paid per second, end to end\n\n")
                .append("Measured ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" by `./vitrine bench checkout")
                .append(" --shops ").append(options.shops()).append(" --products ").append(options.products())
                .append(" --warmup ").append(options.warmup().toSeconds()).append(" --duration ")
                .append(options.duration().toSeconds()).append(" --clients ")
                .append(String.join(",", options.clients().stream().map(String::valueOf).toList())).append("`: ")
                .append("the packaged application in cluster mode (MariaDB, Redis, Elasticsearch), its Alipay gateway the fake ")
                .append("one in the benchmark's JVM on loopback. Each checkout: a cart, 1-3 lines, `POST /s/{tenant}/api/orders` ")
                .append("(ALIPAY_QR, a new buyer, an Idempotency-Key), the fake pays the trade and posts the signed notify to ")
                .append("`/api/v1/payments/alipay/notify`, then the order is read with its token until PAID.\n\n")
                .append(machine).append(". The machine is shared with other helpers' builds and tests: latencies and ")
                .append("throughput move with their load; CPU per order and statements per order move much less.\n\n")
                .append(outcome).append(".\n\n");
        md.append("| clients | paid orders | orders/s | place p50 ms | place p99 ms | cart→PAID p50 ms | cart→PAID p99 ms | ")
                .append("app CPU ms/order | SQL statements/order | with transaction control |\n")
                .append("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (CheckoutBenchmark.Row row : rows) {
            int n = Math.max(1, row.orders());
            md.append(String.format(Locale.ROOT, "| %d | %,d | %.1f | %.0f | %.0f | %.0f | %.0f | %.0f | %s | %s |\n",
                    row.clients(), row.orders(), row.perSecond(),
                    CheckoutBenchmark.percentileMillis(row.placeNanos(), 50), CheckoutBenchmark.percentileMillis(row.placeNanos(), 99),
                    CheckoutBenchmark.percentileMillis(row.endToEndNanos(), 50),
                    CheckoutBenchmark.percentileMillis(row.endToEndNanos(), 99), row.appCpu().toNanos() / 1e6 / n,
                    row.statements().map(s -> String.format(Locale.ROOT, "%.1f", (double) s.data() / n)).orElse("not counted"),
                    row.statements().map(s -> String.format(Locale.ROOT, "%.1f", (double) s.all() / n)).orElse("–")));
        }
        md.append("\n\"paid orders\": checkouts that reached PAID within the measured ").append(options.duration().toSeconds())
                .append(" s (after ").append(options.warmup().toSeconds()).append(" s of warm-up; one untimed round at the most ")
                .append("clients came first). \"place\": the `POST …/orders` alone; \"cart→PAID\": the whole checkout. ")
                .append("\"app CPU\": the application process's CPU time (all threads) over the measured period / paid orders. ")
                .append("\"SQL statements\": SELECTs and data changes the application's own MariaDB user sent over the measured ")
                .append("period / paid orders (everything: cart, placement, notify, reads, the outbox and the pollers); \"with ")
                .append("transaction control\" adds SET autocommit, COMMIT, ROLLBACK and the like (README.md \"checkout\").\n");
        steps.ifPresent(counts -> appendSteps(md, counts));
        return md.toString();
    }

    private static void appendSteps(StringBuilder md, CheckoutBenchmark.StepCounts counts) {
        md.append("\n## SQL statements per step, each step alone\n\n")
                .append("One shopper, nothing else sent; the application user's counters read before and after each step ")
                .append("(median, and min–max, over the checkouts, of 1, 2 and 3 lines in turn; a line's PUT once per line: the k-th PUT of a cart prices k lines). Idle, the application sends ")
                .append(String.format(Locale.ROOT, "%.1f statements/s (%.1f with transaction control)", counts.idleDataPerSecond(),
                        counts.idleAllPerSecond()))
                .append(" of its own (outbox and job pollers, rounds), which may fall into a step: hence min–max.\n\n")
                .append("| step | samples | SELECT | INSERT/UPDATE/DELETE | statements (min–max) | with transaction control (min–max) |\n")
                .append("|---|--:|--:|--:|--:|--:|\n");
        long totalData = 0;
        long totalAll = 0;
        for (Map.Entry<String, List<StatementCounter.Counts>> step : counts.steps().entrySet()) {
            List<StatementCounter.Counts> samples = step.getValue();
            long data = median(samples, StatementCounter.Counts::data);
            long all = median(samples, StatementCounter.Counts::all);
            // a checkout of two lines: the cart, two PUTs, the two-line placement and notify, the read
            int times = step.getKey().equals("put a line") ? 2 : step.getKey().contains(",") && !step.getKey().endsWith(", 2 lines") ? 0 : 1;
            totalData += times * data;
            totalAll += times * all;
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | **%d** (%d–%d) | %d (%d–%d) |\n", step.getKey(),
                    samples.size(), median(samples, StatementCounter.Counts::selects),
                    median(samples, StatementCounter.Counts::changes), data, min(samples, StatementCounter.Counts::data),
                    max(samples, StatementCounter.Counts::data), all, min(samples, StatementCounter.Counts::all),
                    max(samples, StatementCounter.Counts::all)));
        }
        md.append(String.format(Locale.ROOT, "| whole checkout of two lines (medians added) | | | | %d | %d |\n", totalData, totalAll));
        md.append("\nThe goal of issue #5 is ≤ 15 statements for a checkout; \"place the order\" is the placement alone: the "
                + "orders module counts 23 JDBC statements for one line, +2 per further line (orders/README.md), a batch once, "
                + "where the server counts each of its rows.\n");
    }

    private static long median(List<StatementCounter.Counts> samples, ToLongFunction<StatementCounter.Counts> field) {
        long[] values = samples.stream().mapToLong(field).sorted().toArray();
        return values[(values.length - 1) / 2];
    }

    private static long min(List<StatementCounter.Counts> samples, ToLongFunction<StatementCounter.Counts> field) {
        return samples.stream().mapToLong(field).min().orElse(0);
    }

    private static long max(List<StatementCounter.Counts> samples, ToLongFunction<StatementCounter.Counts> field) {
        return samples.stream().map(c -> field.applyAsLong(c)).max(Comparator.naturalOrder()).orElse(0L);
    }
}
