package io.vitrine.benchmarks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The markdown of a kiosk-load run ({@link KioskLoadBenchmark}): per step, per endpoint, CPU and memory, the knee. */
final class KioskLoadReport {

    private KioskLoadReport() {
    }

    static String of(KioskLoadBenchmark.Options o, List<KioskLoadBenchmark.Step> steps, VirtualStore.Tally tally,
                     List<String> broken, String machine) {
        StringBuilder out = new StringBuilder("# kiosk-load: mixed workload on one application instance (issue #10)\n\n");
        out.append("Measured ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" by `./vitrine bench kiosk-load")
                .append(String.format(Locale.ROOT, " --shops %d --skus %d --stores %d --rates %s --step-seconds %d`: ",
                        o.shops(), o.skus(), o.stores(), String.join(",", o.rates().stream().map(r -> fmt(r, 0)).toList()),
                        o.stepSeconds()))
                .append("the packaged application (`-Xmx1g`) in cluster mode on MariaDB, Redis and an Elasticsearch node; ")
                .append(o.shops()).append(" shops with ").append(o.skus()).append(" generated SKUs and ")
                .append(o.checkoutProducts()).append(" checkout products each; ").append(o.stores())
                .append(" POS devices polling the feed every ").append(o.pollSeconds()).append(" s and posting ")
                .append(o.salesPerBatch()).append(" sales + a heartbeat every ").append(o.saleSeconds())
                .append(" s throughout. Shopper actions arrive open loop (Poisson) at the offered rate: ")
                .append(fmt(100 * o.checkoutShare(), 0)).append("% checkouts (cart, 1-3 lines, order, Alipay payment "
                        + "through the fake gateway and its notify, read until PAID), the rest one browse request each "
                        + "(search API 35%, kiosk search page 15%, kiosk product page 15%, product API 20%, suggestions "
                        + "15%). ").append(o.warmupSeconds()).append(" s of warm-up at the first rate are not reported; "
                        + "the steps stop at the knee (a step with more than ").append(fmt(o.kneeErrorPercent(), 1))
                .append("% errors or searches answered from the database, fewer than 90% of the actions begun in a step "
                        + "finished within it, or a browse p99 over ").append(fmt(o.kneeP99Ratio(), 0))
                .append("× the first step's: the floor measured in the same run).\n\n");
        if (!broken.isEmpty()) {
            out.append("**Broken before any load** (each kind of browse request is sent once before the load; these did "
                    + "not answer 200, so they fail whatever the load: a bug, not a bottleneck. They are not sent during "
                    + "the load; their share of the browse actions goes to the other kinds):\n\n");
            broken.forEach(answer -> out.append("- ").append(answer.replace("|", "\\|")).append('\n'));
            out.append('\n');
        }
        summary(out, steps);
        resources(out, steps);
        for (KioskLoadBenchmark.Step step : steps) {
            endpoints(out, step);
        }
        bottleneck(out, steps);
        out.append("\nPOS events over the run: ").append(tally.made.get()).append(" made, ").append(tally.accepted.get())
                .append(" ACCEPTED, ").append(tally.duplicate.get()).append(" DUPLICATE, ").append(tally.rejected.get())
                .append(" REJECTED.\n\n").append(machine).append('\n');
        return out.toString();
    }

    private static void summary(StringBuilder out, List<KioskLoadBenchmark.Step> steps) {
        out.append("| offered actions/s | finished actions/s | requests/s (all, POS included) | browse p50 / p99 ms | "
                + "checkout cart→PAID p50 / p99 ms | browse errors | checkout errors | searches from the database | "
                + "POS errors | client lag p99 ms | knee |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (KioskLoadBenchmark.Step s : steps) {
            KioskTraffic t = s.traffic();
            long browse = t.endpoint(KioskTraffic.BROWSE).count() + t.endpoint(KioskTraffic.BROWSE).errors();
            long pos = t.names().stream().filter(n -> n.startsWith("POS")).mapToLong(n -> t.endpoint(n).errors()).sum();
            out.append("| ").append(fmt(s.rate(), 0)).append(" | ").append(fmt(s.achievedPerSecond(), 1)).append(" | ")
                    .append(fmt(t.requests() / wall(s), 1)).append(" | ").append(p50p99(t.endpoint(KioskTraffic.BROWSE)))
                    .append(" | ").append(p50p99(t.endpoint(KioskTraffic.CHECKOUT))).append(" | ")
                    .append(percent(s.errorPercent(KioskTraffic.BROWSE))).append(" | ")
                    .append(percent(s.errorPercent(KioskTraffic.CHECKOUT))).append(" | ")
                    .append(browse == 0 ? "-" : percent(100.0 * t.degradedAll() / browse)).append(" | ").append(pos)
                    .append(" | ").append(fmt(t.lag.percentile(99) / 1e6, 0)).append(" | ")
                    .append(s.knee() == null ? "no" : "**" + s.knee() + "**").append(" |\n");
        }
        out.append("\n\"finished\": actions begun in the step and done before its end; requests/s are over the step and its drain, POS included. \"client lag\": how late the load "
                + "generator began an action after its arrival time (all its threads busy). Latencies are from send to "
                + "answer, per request; a checkout's is the whole.\n\n");
    }

    private static void resources(StringBuilder out, List<KioskLoadBenchmark.Step> steps) {
        List<String> roles = steps.get(0).cpuSeconds().keySet().stream().toList();
        out.append("| offered actions/s | app CPU ms / request |");
        roles.forEach(r -> out.append(" ").append(r).append(" CPU (cores) |"));
        out.append(" app heap after / capacity MiB | GCs (s) | app RSS MiB | drain s |\n|---|---|");
        roles.forEach(r -> out.append("---|"));
        out.append("---|---|---|---|\n");
        for (KioskLoadBenchmark.Step s : steps) {
            double app = s.cpuSeconds().get(MachineProcesses.APPLICATION);
            out.append("| ").append(fmt(s.rate(), 0)).append(" | ")
                    .append(fmt(1000 * app / Math.max(1, s.traffic().requests()), 2)).append(" |");
            for (String role : roles) {
                out.append(" ").append(fmt(s.cpuSeconds().get(role) / wall(s), 2)).append(" |");
            }
            out.append(" ").append(fmt(s.heapAfter().heapUsedMib(), 0)).append(" / ")
                    .append(fmt(s.heapAfter().heapCapacityMib(), 0)).append(" | ")
                    .append(s.heapAfter().collections() - s.heapBefore().collections()).append(" (")
                    .append(fmt(s.heapAfter().gcSeconds() - s.heapBefore().gcSeconds(), 2)).append(") | ")
                    .append(fmt(s.appRssMib(), 0)).append(" | ").append(fmt(s.drained().toMillis() / 1000.0, 1)).append(" |\n");
        }
        out.append("\nCPU from `/proc/<pid>/stat` (user + system) of each process over the step and its drain, in cores "
                + "(1.00 = one core busy the whole time); \"app CPU ms / request\" counts every request the application "
                + "answered in the step (browse, checkout steps, the notify, POS polls and batches), its pollers, outbox "
                + "and customs pipeline included: the figure that transfers to other machines. MariaDB and Redis are "
                + "the machine's own and serve whatever else runs on it; \"whole machine\" is `/proc/stat`. Heap and GC "
                + "from `jstat -gc` at the step's start and end; the thread samples' `jcmd` runs cost the load "
                + "generator's side a little CPU.\n\n");
    }

    private static void endpoints(StringBuilder out, KioskLoadBenchmark.Step s) {
        KioskTraffic t = s.traffic();
        out.append("### ").append(fmt(s.rate(), 0)).append(" actions/s offered\n\n")
                .append("| endpoint | requests/s | p50 ms | p99 ms | errors | from the database |\n|---|---|---|---|---|---|\n");
        for (String name : t.names()) {
            FleetLatencies l = t.endpoint(name);
            out.append("| ").append(name).append(" | ").append(fmt((l.count() + l.errors()) / wall(s), 2)).append(" | ")
                    .append(fmt(l.percentile(50) / 1e6, 1)).append(" | ").append(fmt(l.percentile(99) / 1e6, 1))
                    .append(" | ").append(l.errors()).append(" | ").append(t.degraded(name)).append(" |\n");
        }
        out.append('\n');
    }

    private static void bottleneck(StringBuilder out, List<KioskLoadBenchmark.Step> steps) {
        KioskLoadBenchmark.Step last = steps.get(steps.size() - 1);
        KioskLoadBenchmark.Step first = steps.get(0);
        out.append("## The first bottleneck\n\n");
        out.append(last.knee() == null ? "No step reached the knee: the last step (" + fmt(last.rate(), 0)
                + " actions/s) is described; raise `--rates` to find it.\n\n" : "The knee: " + fmt(last.rate(), 0)
                + " actions/s offered (" + last.knee() + ").\n\n");
        Map<String, Double> cpu = last.cpuSeconds();
        double cores = Runtime.getRuntime().availableProcessors();
        double busy = cpu.getOrDefault(MachineProcesses.MACHINE, 0.0) / wall(last);
        out.append(String.format(Locale.ROOT, "Machine CPU at that step: %.2f of %.0f cores busy (%.0f%%); the application "
                        + "%.2f, the load generator %.2f, MariaDB %.2f, Elasticsearch %.2f, Redis %.2f.%n%n",
                busy, cores, 100 * busy / cores, perCore(last, MachineProcesses.APPLICATION),
                perCore(last, MachineProcesses.GENERATOR), perCore(last, "MariaDB"), perCore(last, "Elasticsearch"),
                perCore(last, "Redis")));
        out.append("**Measured first bottleneck: ").append(verdict(busy / cores, last)).append("**\n\n");
        out.append("Where the application's threads were at that step (`jcmd <pid> Thread.print` every few seconds; a "
                + "thread is put where its innermost wait is: waiting for a pooled connection, in a JDBC call, waiting on "
                + "Elasticsearch, Redis or an outside HTTP service, running, or idle):\n\n").append(last.threads().report());
        if (first != last) {
            out.append("\nFor comparison, the first step (").append(fmt(first.rate(), 0)).append(" actions/s):\n\n")
                    .append(first.threads().report());
        }
    }

    /** What the figures say limited the step: the cores when they were all busy, otherwise where threads waited. */
    private static String verdict(double machineShare, KioskLoadBenchmark.Step step) {
        String place = step.threads().busiestPlace();
        if (machineShare >= 0.85) {
            return String.format(Locale.ROOT, "CPU — the machine's cores were %.0f%% busy; the application's busy threads "
                    + "were mostly \"%s\"", 100 * machineShare, place);
        }
        return "\"" + place + "\" (the cores were " + fmt(100 * machineShare, 0) + "% busy: not the CPU)";
    }

    private static double perCore(KioskLoadBenchmark.Step step, String role) {
        return step.cpuSeconds().getOrDefault(role, 0.0) / wall(step);
    }

    private static double wall(KioskLoadBenchmark.Step step) {
        return step.length().toNanos() / 1e9 + step.drained().toNanos() / 1e9;
    }

    private static String p50p99(FleetLatencies latencies) {
        return fmt(latencies.percentile(50) / 1e6, 0) + " / " + fmt(latencies.percentile(99) / 1e6, 0);
    }

    private static String percent(double value) {
        return fmt(value, 2) + "%";
    }

    private static String fmt(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
