package io.vitrine.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every answer the fault drill's traffic got: per endpoint and per second of the run, how many were 2xx, 4xx, 503,
 * another 5xx (500: a bug) or no answer at all (connection refused, timeout), and their latencies.
 */
final class FaultRecorder {

    /** What an answer was. */
    enum Outcome {
        OK("2xx"), CLIENT("4xx"), UNAVAILABLE("503"), SERVER("other 5xx"), NONE("no answer");

        final String label;

        Outcome(String label) {
            this.label = label;
        }

        static Outcome of(int status) {
            if (status < 400) {
                return OK;
            }
            if (status == 503) {
                return UNAVAILABLE;
            }
            return status < 500 ? CLIENT : SERVER;
        }
    }

    /** One answer: when (ms since the start), what, how long. */
    record Answer(long atMillis, String endpoint, Outcome outcome, int status, long latencyMicros, String detail) {
    }

    private final long startNanos = System.nanoTime();
    private final List<Answer> answers = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> firstBodies = new ConcurrentHashMap<>();

    long nowMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    void record(String endpoint, int status, long startedNanos, String body) {
        Outcome outcome = status < 0 ? Outcome.NONE : Outcome.of(status);
        long latency = (System.nanoTime() - startedNanos) / 1000;
        answers.add(new Answer((startedNanos - startNanos) / 1_000_000, endpoint, outcome, status, latency, ""));
        if (outcome == Outcome.SERVER && body != null) {
            firstBodies.putIfAbsent(endpoint + " " + status, body.substring(0, Math.min(300, body.length())));
        }
    }

    List<Answer> between(long fromMillis, long toMillis) {
        synchronized (answers) {
            return answers.stream().filter(a -> a.atMillis() >= fromMillis && a.atMillis() < toMillis).toList();
        }
    }

    /** The first body of each (endpoint, other 5xx status): what a 500 said. */
    Map<String, String> serverErrorBodies() {
        return new TreeMap<>(firstBodies);
    }

    /** Per endpoint: counts by outcome, p50 and p99 latency, of {@code answers}. */
    static String summaryTable(List<Answer> answers) {
        Map<String, List<Answer>> byEndpoint = new TreeMap<>();
        answers.forEach(a -> byEndpoint.computeIfAbsent(a.endpoint(), k -> new ArrayList<>()).add(a));
        StringBuilder out = new StringBuilder("| endpoint | 2xx | 4xx | 503 | other 5xx | no answer | p50 ms | p99 ms | max ms |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        byEndpoint.forEach((endpoint, list) -> {
            long[] counts = new long[Outcome.values().length];
            list.forEach(a -> counts[a.outcome().ordinal()]++);
            long[] latencies = list.stream().mapToLong(Answer::latencyMicros).sorted().toArray();
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.1f | %.1f | %.1f |%n", endpoint,
                    counts[0], counts[1], counts[2], counts[3], counts[4], percentile(latencies, 0.50) / 1000.0,
                    percentile(latencies, 0.99) / 1000.0, latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1000.0));
        });
        return out.toString();
    }

    /**
     * Per second (relative to {@code zeroMillis}): for each endpoint "2xx/4xx/503/5xx/none", and the p99 latency of the
     * second over all endpoints.
     */
    static String perSecondTable(List<Answer> answers, long zeroMillis, List<String> endpoints) {
        Map<Long, List<Answer>> bySecond = new TreeMap<>();
        answers.forEach(a -> bySecond.computeIfAbsent(Math.floorDiv(a.atMillis() - zeroMillis, 1000), k -> new ArrayList<>()).add(a));
        StringBuilder out = new StringBuilder("| s | " + String.join(" | ", endpoints) + " | p99 ms |\n|---:|"
                + "---|".repeat(endpoints.size()) + "---:|\n");
        bySecond.forEach((second, list) -> {
            out.append("| ").append(second).append(" |");
            for (String endpoint : endpoints) {
                long[] counts = new long[Outcome.values().length];
                list.stream().filter(a -> a.endpoint().equals(endpoint)).forEach(a -> counts[a.outcome().ordinal()]++);
                out.append(' ').append(counts[0]).append('/').append(counts[1]).append('/').append(counts[2]).append('/')
                        .append(counts[3]).append('/').append(counts[4]).append(" |");
            }
            long[] latencies = list.stream().mapToLong(Answer::latencyMicros).sorted().toArray();
            out.append(String.format(Locale.ROOT, " %.0f |%n", percentile(latencies, 0.99) / 1000.0));
        });
        return out.toString();
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
