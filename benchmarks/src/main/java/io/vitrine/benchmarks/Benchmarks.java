package io.vitrine.benchmarks;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs a benchmark suite with JMH and writes its result table:
 * {@code java -cp ... io.vitrine.benchmarks.Benchmarks <suite> [result-file]} (what
 * {@code ./vitrine bench <suite>} does). Suites: {@code device-auth}, {@code store-import}, {@code customs-signing} (JMH),
 * {@code customs-pipeline}, {@code customs-effectively-once} and {@code kill-loop} (not JMH), and
 * {@code search} ({@link SearchBenchmark}: {@code Benchmarks search [--option value]...}) and {@code freshness}
 * ({@link FreshnessBenchmark}, options alike).
 */
public final class Benchmarks {

    /** Method name -> what one operation is, in the order of the table. */
    private static final Map<String, String> DEVICE_AUTH = Map.of(
            "bareHmac", "HMAC-SHA256 of one canonical request (new `Mac`, init with the device key, doFinal)",
            "verifyWithInProcessNonces", "full verification of a signed order, nonce in the in-process store",
            "verifyWithRedisNonces", "full verification of a signed order, nonce in Redis (`SET NX PX`)");

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String suite = args.length < 1 ? "" : args[0];
        if (suite.equals("checkout")) {
            // not JMH: shoppers' checkouts over HTTP, paid through the fake Alipay (CheckoutBenchmark)
            CheckoutBenchmark.main(List.of(args).subList(1, args.length).stream().filter(a -> !a.isEmpty()).toList(),
                    Path.of("benchmarks/results/checkout.md"));
            return;
        }
        if (suite.equals("customs-pipeline")) {
            // not JMH: paid orders declared and released end to end through the simulator (CustomsPipelineBenchmark)
            CustomsPipelineBenchmark.main(List.of(args).subList(1, args.length).stream().filter(a -> !a.isEmpty())
                    .toList(), Path.of("benchmarks/results/customs-pipeline.md"));
            return;
        }
        if (suite.equals("returns")) {
            // not JMH: released orders returned, approved, declared (CEB625), received and refunded end to end
            ReturnsBenchmark.main(List.of(args).subList(1, args.length).stream().filter(a -> !a.isEmpty())
                    .toList(), Path.of("benchmarks/results/returns.md"));
            return;
        }
        if (suite.equals("pos-feed")) {
            // not JMH: the POS catalog feed in-process: bootstrap, polls of many stores, price-change convergence
            PosFeedBenchmark.main(List.of(args).subList(1, args.length).stream().filter(a -> !a.isEmpty())
                    .toList(), Path.of("benchmarks/results/pos-feed.md"));
            return;
        }
        if (suite.equals("pos-fleet")) {
            // not JMH: the POS fleet simulator over HTTP against the packaged application (PosFleetBenchmark)
            PosFleetBenchmark.main(List.of(args).subList(1, args.length).stream().filter(a -> !a.isEmpty())
                    .toList(), Path.of("benchmarks/results/pos-fleet.md"));
            return;
        }
        if (suite.equals("kiosk-load")) {
            // not JMH: browse/search, checkouts and a POS fleet at once, stepped up to the knee (KioskLoadBenchmark)
            KioskLoadBenchmark.main(List.of(args).subList(1, args.length).stream().filter(a -> !a.isEmpty())
                    .toList(), Path.of("benchmarks/results/kiosk-load.md"));
            return;
        }
        if (suite.equals("faults")) {
            // not JMH: the application under dependency faults on private Redis, MariaDB, Elasticsearch (FaultDrill)
            FaultDrill.main(List.of(args).subList(1, args.length).stream().filter(a -> !a.isEmpty())
                    .toList(), Path.of("benchmarks/results/faults.md"));
            return;
        }
        if (suite.equals("customs-effectively-once") || suite.equals("kill-loop")) {
            // not JMH: the application killed and restarted at random while orders are declared (kill-loop: and
            // returns refunded, POS batches applied); counts per order, return and event
            CustomsEffectivelyOnce.main(suite, List.of(args).subList(1, args.length).stream()
                    .filter(a -> !a.isEmpty()).toList(), Path.of("benchmarks/results/" + suite + ".md"));
            return;
        }
        if (suite.equals("search")) {
            // not JMH: HTTP load from concurrent clients against the running application (SearchBenchmark)
            SearchBenchmark.main(List.of(args).subList(1, args.length).stream().filter(a -> !a.isEmpty()).toList(),
                    Path.of("benchmarks/results/search.md"));
            return;
        }
        if (suite.equals("freshness")) {
            // not JMH: per change, the time until a storefront search shows it (FreshnessBenchmark)
            FreshnessBenchmark.main(List.of(args).subList(1, args.length).stream().filter(a -> !a.isEmpty()).toList(),
                    Path.of("benchmarks/results/freshness.md"));
            return;
        }
        if (suite.equals("search-stages")) {
            // not a benchmark: where a search benchmark's application time went, from its flight recording
            SearchStages.main(List.of(args).subList(1, args.length));
            return;
        }
        if (suite.equals("stats")) {
            // not JMH: the statistics dashboard's query over a year of 10 million orders' aggregates on MariaDB
            runOnce(suite, args, StatsBenchmark::report);
            return;
        }
        if (suite.equals("pos-ingest")) {
            // not JMH: POS event batches ingested on MariaDB against a bare JDBC insert, and a replayed hour
            runOnce(suite, args, PosIngestBenchmark::report);
            return;
        }
        if (suite.equals("risk")) {
            // not JMH: each order placed then screened, the placement the floor (RiskBenchmark)
            runOnce(suite, args, RiskBenchmark::report);
            return;
        }
        if (suite.equals("product-import")) {
            // not JMH: one import of 100,000 rows is timed once, whole (ProductImportBenchmark)
            runOnce(suite, args, ProductImportBenchmark::report);
            return;
        }
        Class<?> benchmark = switch (suite) {
            case "device-auth" -> DeviceAuthBenchmark.class;
            case "store-import" -> StoreImportBenchmark.class;
            case "customs-signing" -> CustomsSigningBenchmark.class;
            default -> null;
        };
        if (benchmark == null) {
            System.err.println("usage: Benchmarks device-auth|store-import|customs-signing|product-import|risk [result file, default benchmarks/results/<suite>.md]\n"
                    + "       Benchmarks search [--skus 100000] [--tenants 50] [--warmup 15] [--duration 30] [--clients 1,8] "
                    + "[--engines lucene,elasticsearch] [--jar api/target/vitrine.jar] [--es-url URL] [--result file]\n"
                    + "       Benchmarks freshness [--" + String.join(" value] [--", FreshnessBenchmark.Options.KNOWN) + " value]\n"
                    + "       Benchmarks customs-pipeline [--" + String.join(" value] [--",
                    CustomsPipelineBenchmark.Options.KNOWN) + " value]\n"
                    + "       Benchmarks customs-effectively-once|kill-loop [--" + String.join(" value] [--",
                    CustomsEffectivelyOnce.Options.KNOWN) + " value]\n"
                    + "       Benchmarks returns [--" + String.join(" value] [--",
                    ReturnsBenchmark.Options.KNOWN) + " value]\n"
                    + "       Benchmarks pos-feed [--" + String.join(" value] [--",
                    PosFeedBenchmark.Options.KNOWN) + " value]\n"
                    + "       Benchmarks pos-fleet [--" + String.join(" value] [--",
                    PosFleetBenchmark.Options.KNOWN) + " value]\n"
                    + "       Benchmarks faults [--" + String.join(" value] [--", FaultDrill.Options.KNOWN) + " value]");
            System.exit(2);
        }
        Path resultFile = Path.of(args.length > 1 ? args[1] : "benchmarks/results/" + suite + ".md");
        Options options = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark.getName()) + "\\.")
                .build();
        String loadBefore = loadAverage();
        Collection<RunResult> results = new Runner(options).run();
        String load = loadBefore + " before, " + loadAverage() + " after";

        String report = suite.equals("device-auth") ? deviceAuthReport(deviceAuthTable(results), load)
                : suite.equals("customs-signing") ? CustomsSigningReport.of(results, machine(load))
                : StoreImportReport.of(results, machine(load));
        Files.createDirectories(resultFile.toAbsolutePath().getParent());
        Files.writeString(resultFile, report, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(report);
        System.out.println("written to " + resultFile);
    }

    /** A suite that is not JMH: it measures itself and answers its report, given the machine's description. */
    @FunctionalInterface
    private interface SelfTimedSuite {
        String report(String machine) throws Exception;
    }

    /** Runs a self-timed suite once and writes its report to the result file (args[1], else results/<suite>.md). */
    private static void runOnce(String suite, String[] args, SelfTimedSuite run) throws Exception {
        Path resultFile = Path.of(args.length > 1 ? args[1] : "benchmarks/results/" + suite + ".md");
        String loadBefore = loadAverage();
        String report = run.report(machine(loadBefore + " before"));
        Files.createDirectories(resultFile.toAbsolutePath().getParent());
        Files.writeString(resultFile, report, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(report);
        System.out.println("load average after: " + loadAverage() + "; written to " + resultFile);
    }

    private static ResultTable deviceAuthTable(Collection<RunResult> results) {
        ResultTable.Row floor = row(results, "bareHmac");
        return new ResultTable(floor, List.of(row(results, "verifyWithInProcessNonces"), row(results, "verifyWithRedisNonces")));
    }

    private static ResultTable.Row row(Collection<RunResult> results, String method) {
        RunResult result = results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(method + " did not run (see JMH's output above)"));
        return row(result, method, DEVICE_AUTH.get(method));
    }

    /** One benchmark's measured iterations (in milliseconds per batch, its {@code @OutputTimeUnit}) as a table row. */
    static ResultTable.Row row(RunResult result, String name, String operation) {
        Statistics statistics = result.getPrimaryResult().getStatistics();
        List<Double> batchMillis = new ArrayList<>();
        // the raw data of every measured iteration, in milliseconds per batch (@OutputTimeUnit)
        result.getBenchmarkResults().forEach(b -> b.getIterationResults()
                .forEach(i -> batchMillis.add(i.getPrimaryResult().getScore())));
        double relativeError = statistics.getMeanErrorAt(0.999) / statistics.getMean();
        return new ResultTable.Row(name, operation, result.getParams().getMeasurement().getBatchSize(),
                batchMillis, relativeError);
    }

    private static String deviceAuthReport(ResultTable table, String load) {
        return "# Device request authentication: throughput\n\n"
                + "Measured " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " by `./vitrine bench device-auth`: "
                + "JMH 1.37, 1 fork, 1 thread, 3 warmup + 5 measurement iterations; each iteration is one batch "
                + "of distinct, validly signed requests, timed as a whole (ops/s = batch size / batch time).\n\n"
                + machine(load) + "; Redis at "
                + DeviceAuthBenchmark.redisUri() + " (loopback).\n\n"
                + "Data: `" + DeviceFleet.METHOD + " " + DeviceFleet.TARGET + "` with a " + DeviceFleet.BODY.length
                + "-byte JSON body, " + DeviceFleet.DEVICES + " devices of 10 tenants (credentials in a map: the devices "
                + "table is not measured), a new nonce per request, clock skew 300 s (nonces kept 600 s).\n\n"
                + table.markdown()
                + "\n\"cost in floor operations\": how many bare HMACs one operation costs, median over median.\n";
    }

    /** What the numbers were measured on, for a report's prose. */
    static String machine(String load) {
        Runtime runtime = Runtime.getRuntime();
        return "Machine: " + runtime.availableProcessors() + " cores" + cpuModel().map(m -> " (" + m + ")").orElse("")
                + ", shared with other work (load average " + load + "), so compare the ratios, not the absolute numbers; "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", JDK "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
    }

    /** Writes a suite's report to its result file (folders made as needed) and prints it. */
    static void publish(Path resultFile, String report) throws IOException {
        Files.createDirectories(resultFile.toAbsolutePath().getParent());
        Files.writeString(resultFile, report, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(report);
        System.out.println("written to " + resultFile);
    }

    /** The 1-minute load average: how busy the shared machine was. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException notLinux) {
            return "unknown";
        }
    }

    /** The three load averages (1, 5, 15 minutes), as {@code uptime} prints them. */
    static String uptime() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException | RuntimeException notLinux) {
            return "unknown";
        }
    }

    private static Optional<String> cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException | RuntimeException notLinux) {
            return Optional.empty();
        }
    }
}
