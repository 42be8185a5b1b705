package io.vitrine.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Makes prepared changes at a steady rate (open loop: the next write goes at its time whatever the earlier ones'
 * fate) and times each from its write's 2xx answer until a storefront search reflects it, polling every
 * {@code pollInterval} on a thread of its own per change in flight.
 */
final class FreshnessProbe {

    /** A change's outcome: nanoseconds until searchable (-1: not within the timeout, or a failed answer). */
    record Outcome(FreshnessChanges.Kind kind, long writeNanos, long freshNanos, int polls, long pollNanos, String failure) {
    }

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI base;
    private final Duration pollInterval;

    FreshnessProbe(HttpClient http, URI base, Duration pollInterval) {
        this.http = http;
        this.base = base;
        this.pollInterval = pollInterval;
    }

    List<Outcome> run(List<FreshnessChanges.Change> changes, double perSecond) throws Exception {
        ExecutorService watchers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "freshness-watch");
            thread.setDaemon(true);
            return thread;
        });
        List<Future<Outcome>> outcomes = new ArrayList<>();
        long period = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        try {
            for (int i = 0; i < changes.size(); i++) {
                long due = start + i * period;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                FreshnessChanges.Change change = changes.get(i);
                long sent = System.nanoTime();
                HttpResponse<String> written = http.send(change.write(), HttpResponse.BodyHandlers.ofString());
                long acknowledged = System.nanoTime();
                if (written.statusCode() / 100 != 2) {
                    outcomes.add(watchers.submit(() -> new Outcome(change.kind(), acknowledged - sent, -1, 0, 0,
                            change.write().method() + " " + change.sku() + " answered " + written.statusCode() + ": " + written.body())));
                    continue;
                }
                outcomes.add(watchers.submit(() -> watch(change, acknowledged, acknowledged - sent)));
            }
            List<Outcome> done = new ArrayList<>();
            for (Future<Outcome> outcome : outcomes) {
                done.add(outcome.get(TIMEOUT.toSeconds() + 60, TimeUnit.SECONDS));
            }
            return Collections.unmodifiableList(done);
        } finally {
            watchers.shutdownNow();
        }
    }

    /** Polls the change's search from right after the write until its answer reflects the change. */
    private Outcome watch(FreshnessChanges.Change change, long acknowledged, long writeNanos) throws Exception {
        HttpRequest search = HttpRequest.newBuilder(base.resolve(change.searchPath())).timeout(Duration.ofSeconds(30)).build();
        int polls = 0;
        long pollNanos = 0;
        long next = acknowledged;
        while (true) {
            long sent = System.nanoTime();
            HttpResponse<String> answer = http.send(search, HttpResponse.BodyHandlers.ofString());
            long received = System.nanoTime();
            polls++;
            pollNanos += received - sent;
            if (answer.statusCode() != 200 || answer.headers().firstValue("X-Search-Degraded").isPresent()) {
                return new Outcome(change.kind(), writeNanos, -1, polls, pollNanos, "search answered " + answer.statusCode()
                        + answer.headers().firstValue("X-Search-Degraded").map(d -> " degraded").orElse("") + ": " + answer.body());
            }
            if (change.reflected().test(FreshnessChanges.parse(answer.body()))) {
                return new Outcome(change.kind(), writeNanos, received - acknowledged, polls, pollNanos, null);
            }
            if (received - acknowledged > TIMEOUT.toNanos()) {
                return new Outcome(change.kind(), writeNanos, -1, polls, pollNanos,
                        change.kind().label() + " of " + change.sku() + " not searchable after " + TIMEOUT.toSeconds() + " s");
            }
            next = Math.max(next + pollInterval.toNanos(), received);
            for (long wait = next - System.nanoTime(); wait > 0; wait = next - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
        }
    }
}
