package io.vitrine.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static io.vitrine.benchmarks.CustomsPark.connect;
import static io.vitrine.benchmarks.CustomsPark.single;

/**
 * The POS traffic of the {@code kill-loop}: a few convenience stores ({@link PosStores}), each a {@link VirtualStore}
 * ringing up a batch of sales every {@code tick} and sending its queue; a batch whose answer a kill lost (no answer,
 * or a 503 while the application starts) stays queued and is sent again at the next tick, same event ids — if the
 * killed application had applied it, its events must come back DUPLICATE. After the kills the queues are drained, then
 * counted: ledger rows = distinct events made, every event ACCEPTED once, store stock movements = units sold.
 */
final class KillLoopTills {

    private final List<VirtualStore> stores = new ArrayList<>();
    private final VirtualStore.Tally tally = new VirtualStore.Tally();
    private final FleetLatencies posts = new FleetLatencies();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final int salesPerBatch;
    private ScheduledExecutorService ticks;

    KillLoopTills(int salesPerBatch) {
        this.salesPerBatch = salesPerBatch;
    }

    /** Registers each store's POS through the API (the application is up). */
    void register(HttpClient http, URI app, String admin, List<String> codes, List<String> skus) throws Exception {
        for (String code : codes) {
            stores.add(PosStores.register(http, app, admin, code, skus, tally));
        }
    }

    /** Every store rings up and sends every {@code tick} (from a random start), until {@link #stop}. */
    void start(Duration tick) {
        ticks = Executors.newScheduledThreadPool(Math.max(1, stores.size()));
        for (VirtualStore store : stores) {
            ticks.scheduleAtFixedRate(() -> {
                try {
                    store.ringUp(salesPerBatch, Instant.now());
                    store.flushSteady(posts, 0);
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }, ThreadLocalRandom.current().nextLong(tick.toMillis()), tick.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** No more sales; then every queue sent until empty (or the deadline). */
    void stopAndDrain(long deadlineNanos) throws InterruptedException {
        if (ticks == null) {
            return;
        }
        ticks.shutdown();
        if (!ticks.awaitTermination(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the tills' ticks did not end");
        }
        while (pending() > 0 && System.nanoTime() < deadlineNanos) {
            for (VirtualStore store : stores) {
                store.flush(posts, 0);
            }
            if (pending() > 0) {
                RunningApplication.sleep(1000);
            }
        }
    }

    boolean any() {
        return !stores.isEmpty();
    }

    private long pending() {
        return stores.stream().mapToLong(VirtualStore::pending).sum();
    }

    String summary() {
        return stores.size() + " stores' tills: " + tally.made.get() + " events made (" + tally.units.get()
                + " units sold), " + posts.count() + " batches answered, " + posts.errors() + " sends not answered "
                + "(resent), " + tally.duplicate.get() + " events answered DUPLICATE (applied before a lost answer)";
    }

    /** The tills' counts against the shop's ledger and store stock. */
    List<CountCheck> counts(String jdbc, String tenant) throws Exception {
        List<CountCheck> checks = new ArrayList<>();
        if (failure.get() != null) {
            checks.add(new CountCheck("tills", "no failure", failure.get().toString(), false));
        }
        String ofTenant = " WHERE tenant_id = '" + tenant + "'";
        try (Connection connection = connect(jdbc)) {
            checks.add(CountCheck.equal("POS batches still queued at the tills", 0, pending()));
            checks.add(CountCheck.equal("POS ledger rows (pos_events) = distinct events made", tally.made.get(),
                    single(connection, "SELECT COUNT(*) FROM pos_events" + ofTenant)));
            checks.add(CountCheck.equal("POS events answered ACCEPTED = distinct events made", tally.made.get(),
                    tally.accepted.get()));
            checks.add(CountCheck.equal("POS events answered REJECTED", 0, tally.rejected.get()));
            checks.add(CountCheck.equal("POS events answered = ACCEPTED + DUPLICATE", tally.sent.get(),
                    tally.accepted.get() + tally.duplicate.get()));
            checks.add(CountCheck.equal("store stock: units in SALE movements = units sold", tally.units.get(),
                    single(connection, "SELECT COALESCE(-SUM(quantity), 0) FROM store_stock_movements" + ofTenant
                            + " AND kind = 'SALE'")));
            checks.add(CountCheck.equal("store stock: units below zero on hand (store_stock, no count taken) = units "
                    + "sold", tally.units.get(), single(connection, "SELECT COALESCE(-SUM(on_hand), 0) FROM store_stock"
                    + ofTenant)));
        }
        return checks;
    }
}
