package io.vitrine.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one step of the kiosk load sent and got back: per endpoint the answered requests' latencies and the errors
 * ({@link FleetLatencies}), the searches answered from the database instead of the engine ({@code X-Search-Degraded}),
 * every browse request together, the actions begun and finished, and how late the load generator began them.
 */
final class KioskTraffic {

    static final String BROWSE = "browse requests, all together";
    static final String CHECKOUT = "checkout, cart → PAID (whole)";

    private final Map<String, FleetLatencies> endpoints = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> degraded = new ConcurrentHashMap<>();
    final FleetLatencies lag = new FleetLatencies();
    final AtomicLong begun = new AtomicLong();
    /** Actions done: all of them (after the drain), and those done within the step. */
    final AtomicLong done = new AtomicLong();
    final AtomicLong finishedInTime = new AtomicLong();

    FleetLatencies endpoint(String name) {
        return endpoints.computeIfAbsent(name, k -> new FleetLatencies());
    }

    /** A search of {@code endpoint} was answered from the database. */
    void markDegraded(String endpoint) {
        degraded.computeIfAbsent(endpoint, k -> new AtomicLong()).incrementAndGet();
    }

    /** Searches of {@code endpoint} answered from the database. */
    long degraded(String endpoint) {
        AtomicLong count = degraded.get(endpoint);
        return count == null ? 0 : count.get();
    }

    /** Searches answered from the database, all endpoints. */
    long degradedAll() {
        return degraded.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** The endpoints in a stable order: the shopper's browse requests, the checkout's steps, then the POS devices'. */
    List<String> names() {
        return endpoints.keySet().stream().filter(n -> !n.equals(BROWSE) && !n.equals(CHECKOUT)).sorted().toList();
    }

    /** Requests sent, answered or not (the whole-checkout and all-browse rows excluded: they count others again). */
    long requests() {
        return names().stream().map(endpoints::get).mapToLong(l -> l.count() + l.errors()).sum();
    }
}
