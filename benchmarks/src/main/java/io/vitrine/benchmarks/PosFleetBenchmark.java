package io.vitrine.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vitrine.customs.signing.DigestAlgorithm;
import io.vitrine.customs.signing.SignatureAlgorithm;
import io.vitrine.customs.signing.TestKeys;
import io.vitrine.tools.fakealipay.FakeAlipay;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code ./vitrine bench pos-fleet}: the POS fleet simulator (issue #8 "Measure"). The packaged application in cluster
 * mode (MariaDB, Redis; set up as the customs suites do, {@link CustomsPark#environment}) serves {@code --stores}
 * convenience stores of one merchant, each a {@link VirtualStore} playing its registered POS over HTTP: bootstrap
 * from cursor 0, a feed poll every {@code --poll-seconds} with cursor and ETag, a batch of SALEs and a heartbeat every
 * {@code --sale-seconds}. During the run {@code --outage-stores} stores go offline, queue an hour of sales (their
 * events' occurredAt spread over the hour before they return) and all come back at once (the reconnect storm),
 * replaying the queue with resends (the batch whose answer was lost as they went offline, and every
 * {@code --lose-every}th batch of the replay); in the steady traffic every {@code --steady-lose-every}th batch of a
 * store has its answer lost and is sent again at the store's next tick (DUPLICATE, never counted twice); a price
 * is changed through the API while everyone polls, and the time until every store's feed served it is taken.
 * Printed: per endpoint requests, p50/p99, errors; the application's CPU; the convergence; the counts, checked (exit 1
 * when one does not hold).
 *
 * <p>Set-up: the merchant, its stores, products, stock and assortments straight into the tables before the
 * application starts ({@link CheckoutShops} plus a batch of stores); the devices registered through the API
 * ({@code POST /api/v1/devices}, the secret is only ever shown there).
 */
final class PosFleetBenchmark {

    record Options(int stores, int skus, int pollSeconds, int saleSeconds, int salesPerBatch, double minutes,
                   int outageStores, int outageBatches, int loseEvery, int steadyLoseEvery, int threads, Path jar,
                   String esUrl, Path resultFile) {

        static final List<String> KNOWN = List.of("stores", "skus", "poll-seconds", "sale-seconds", "sales-per-batch",
                "minutes", "outage-stores", "outage-batches", "lose-every", "steady-lose-every", "threads", "jar", "es-url",
                "result");

        static Options parse(List<String> args, Path defaultResult) {
            BenchOptions given = BenchOptions.parse(args, KNOWN);
            int stores = given.integer("stores", 2000);
            return new Options(stores, given.integer("skus", 50), given.integer("poll-seconds", 30),
                    given.integer("sale-seconds", 60), given.integer("sales-per-batch", 5),
                    given.decimal("minutes", 3), Math.min(stores, given.integer("outage-stores", 200)),
                    given.integer("outage-batches", 12), given.integer("lose-every", 4),
                    given.integer("steady-lose-every", 10), given.integer("threads", 32),
                    Path.of(given.text("jar", "api/target/vitrine.jar")), CustomsPark.esUrl(given),
                    Path.of(given.text("result", defaultResult.toString())));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final FleetLatencies bootstrapPages = new FleetLatencies();
    private final FleetLatencies polls = new FleetLatencies();
    private final FleetLatencies stormPolls = new FleetLatencies();
    /** Where the fleet's polls are recorded now: {@link #stormPolls} while the reconnect storm lasts. */
    private volatile FleetLatencies pollsNow = polls;
    private final FleetLatencies posts = new FleetLatencies();
    private final FleetLatencies stormPosts = new FleetLatencies();
    private final VirtualStore.Tally fleetTally = new VirtualStore.Tally();
    private final VirtualStore.Tally outageTally = new VirtualStore.Tally();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private PosFleetBenchmark(Options options) {
        this.options = options;
    }

    static void main(List<String> args, Path defaultResult) throws Exception {
        Options options = Options.parse(args, defaultResult);
        String loadBefore = Benchmarks.uptime();
        String report = new PosFleetBenchmark(options).run(loadBefore);
        Benchmarks.publish(options.resultFile(), report);
        if (!report.contains("All counts hold.")) {
            System.exit(1);
        }
    }

    private String run(String loadBefore) throws Exception {
        try (BenchDatabase database = BenchDatabase.start("mariadb");
             FakeAlipay alipay = FakeAlipay.start()) {
            CheckoutShops.Shop shop = CheckoutShops.create(database, 1, options.skus()).get(0);
            List<String> codes = addStores(database, shop);
            database.release();
            // the customs environment wants a signer and an Alipay gateway; the fleet uses neither
            CustomsPark.Signer signer = CustomsPark.signer(database, TestKeys.generate(SignatureAlgorithm.RSA_SHA1),
                    SignatureAlgorithm.RSA_SHA1, DigestAlgorithm.SHA1);
            Path log = RunningApplication.logFile("pos-fleet");
            try (RunningApplication app = RunningApplication.start(options.jar(), RunningApplication.jvmOptions(),
                    port -> CustomsPark.environment(database, alipay, port, options.esUrl(), signer), log)) {
                String admin = new BenchTokens(CustomsPark.JWT_SECRET).retailerAdmin(shop.tenant());
                List<VirtualStore> fleet = register(app.base(), admin, codes, shop.skus());
                return play(app, admin, shop, fleet, database.mariaDbJdbcUrl().orElseThrow(), loadBefore);
            }
        }
    }

    /** {@code --stores} convenience stores at the park's warehouse, each carrying all the shop's SKUs. */
    private List<String> addStores(BenchDatabase database, CheckoutShops.Shop shop) {
        List<String> codes = PosStores.codes(options.stores());
        PosStores.add(database, shop, codes);
        return codes;
    }

    /** One POS per store through {@code POST /api/v1/devices}, from a few threads. */
    private List<VirtualStore> register(URI app, String admin, List<String> codes, List<String> skus) throws Exception {
        log("registering " + codes.size() + " POS devices through the API");
        long start = System.nanoTime();
        List<VirtualStore> fleet = PosStores.register(app, http, codes.size(), i -> new PosStores.Registration(codes.get(i),
                admin, skus, i < options.outageStores() ? outageTally : fleetTally));
        log(String.format(Locale.ROOT, "  registered in %.1f s", (System.nanoTime() - start) / 1e9));
        return fleet;
    }

    private String play(RunningApplication app, String admin, CheckoutShops.Shop shop, List<VirtualStore> fleet,
                        String jdbc, String loadBefore) throws Exception {
        log("bootstrap: " + fleet.size() + " stores from cursor 0");
        long bootStart = System.nanoTime();
        PosStores.forEach(options.threads(), "bench-bootstrap-", fleet.size(), i -> {
            int told = fleet.get(i).bootstrap(bootstrapPages);
            if (told != options.skus()) {
                throw new IllegalStateException(fleet.get(i).code() + " bootstrapped " + told + " SKUs");
            }
        });
        Duration bootstrap = Duration.ofNanos(System.nanoTime() - bootStart);
        List<VirtualStore> outaged = fleet.subList(0, options.outageStores());
        for (VirtualStore store : outaged) {
            // the last batch before the line went down: applied, but its answer never came back
            store.ringUp(options.salesPerBatch(), Instant.now());
            store.sendAndLoseAnswer(posts);
            store.offline();
        }
        log("steady traffic for " + options.minutes() + " min; " + outaged.size() + " stores offline");
        Duration cpuBefore = app.cpuTime();
        int requestsBefore = polls.count() + posts.count();
        long steadyStart = System.nanoTime();
        ScheduledExecutorService ticks = PosStores.tick(fleet, options.threads(), options.pollSeconds(),
                options.saleSeconds(), options.salesPerBatch(), options.steadyLoseEvery(), new PosStores.TickRecords() {
                    @Override
                    public FleetLatencies polls() {
                        return pollsNow;
                    }

                    @Override
                    public FleetLatencies posts() {
                        return posts;
                    }
                }, failure);
        long runNanos = (long) (options.minutes() * 60e9);
        sleepUntil(steadyStart + runNanos / 3);
        Duration storm = storm(outaged);
        sleepUntil(steadyStart + 2 * runNanos / 3);
        Convergence convergence = priceChange(app.base(), admin, shop.skus().get(0), fleet);
        sleepUntil(steadyStart + runNanos);
        ticks.shutdown();
        if (!ticks.awaitTermination(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the fleet's ticks did not end");
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - steadyStart);
        Duration cpu = app.cpuTime().minus(cpuBefore);
        long requests = polls.count() + stormPolls.count() + posts.count() + stormPosts.count() - requestsBefore;
        for (VirtualStore store : fleet) {
            store.flush(posts, 0);
        }
        rethrow();
        return report(fleet, bootstrap, storm, convergence, cpu, wall, requests, jdbc, shop.tenant(), loadBefore);
    }

    /** The outaged stores' hour of sales, queued, then all back at once, each replaying on a thread of its own. */
    private Duration storm(List<VirtualStore> outaged) throws InterruptedException {
        Instant back = Instant.now();
        Duration step = Duration.ofHours(1).dividedBy(options.outageBatches());
        for (VirtualStore store : outaged) {
            for (int b = 0; b < options.outageBatches(); b++) {
                store.ringUp(options.salesPerBatch(), back.minus(Duration.ofHours(1)).plus(step.multipliedBy(b))
                        .plusMillis(ThreadLocalRandom.current().nextLong(step.toMillis())).truncatedTo(ChronoUnit.MILLIS));
            }
        }
        log("reconnect storm: " + outaged.size() + " stores back at once");
        pollsNow = stormPolls;
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (VirtualStore store : outaged) {
            Thread thread = new Thread(() -> {
                try {
                    store.online();
                    while (!store.flush(stormPosts, options.loseEvery()) || store.pending() > 0) {
                        RunningApplication.sleep(500);
                    }
                    store.poll(stormPolls);
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }, "bench-storm-" + store.code());
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        pollsNow = polls;
        log(String.format(Locale.ROOT, "  storm replayed in %.1f s", took.toNanos() / 1e9));
        return took;
    }

    record Convergence(long firstNanos, long allNanos, int converged) {
    }

    /** A new price for {@code sku} through the API; waits until every store's feed served it (or 3 poll periods). */
    private Convergence priceChange(URI app, String admin, String sku, List<VirtualStore> fleet) throws Exception {
        HttpResponse<String> product = http.send(HttpRequest.newBuilder(app.resolve("/api/v1/products/" + sku))
                .header("Authorization", admin).GET().build(), HttpResponse.BodyHandlers.ofString());
        ObjectNode body = (ObjectNode) JSON.readTree(product.body());
        long price = body.path("priceFen").asLong() + 100;
        body.put("priceFen", price);
        body.remove("positiveList");
        fleet.forEach(store -> store.watch(sku, price));
        HttpResponse<String> changed = http.send(HttpRequest.newBuilder(app.resolve("/api/v1/products/" + sku))
                .header("Authorization", admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        long committed = System.nanoTime();
        if (changed.statusCode() != 200) {
            throw new IllegalStateException("price change: " + changed.statusCode() + " " + changed.body());
        }
        log("price of " + sku + " changed to " + price + " fen; waiting for every store's feed");
        long deadline = committed + TimeUnit.SECONDS.toNanos(3L * options.pollSeconds());
        while (System.nanoTime() < deadline && fleet.stream().anyMatch(s -> s.priceSeenAtNanos() == 0)) {
            RunningApplication.sleep(200);
        }
        long first = fleet.stream().mapToLong(VirtualStore::priceSeenAtNanos).filter(t -> t != 0).min().orElse(committed);
        long last = fleet.stream().mapToLong(VirtualStore::priceSeenAtNanos).filter(t -> t != 0).max().orElse(committed);
        int converged = (int) fleet.stream().filter(s -> s.priceSeenAtNanos() != 0).count();
        return new Convergence(first - committed, last - committed, converged);
    }

    private String report(List<VirtualStore> fleet, Duration bootstrap, Duration storm, Convergence convergence,
                          Duration cpu, Duration wall, long requests, String jdbc, String tenant, String loadBefore)
            throws SQLException {
        long ledger;
        long outageLedger;
        long sold;
        long outageSold;
        long pending = fleet.stream().mapToLong(VirtualStore::pending).sum();
        String ofTenant = " WHERE tenant_id = '" + tenant + "'";
        String outaged = " AND store_code < '" + String.format(Locale.ROOT, "F%04d", options.outageStores()) + "'";
        String soldUnits = "SELECT COALESCE(-SUM(quantity), 0) FROM store_stock_movements" + ofTenant + " AND kind = 'SALE'";
        try (Connection connection = CustomsPark.connect(jdbc)) {
            ledger = CustomsPark.single(connection, "SELECT COUNT(*) FROM pos_events" + ofTenant);
            outageLedger = CustomsPark.single(connection, "SELECT COUNT(*) FROM pos_events" + ofTenant + outaged);
            sold = CustomsPark.single(connection, soldUnits);
            outageSold = CustomsPark.single(connection, soldUnits + outaged);
        }
        StringBuilder out = new StringBuilder("# pos-fleet\n\n");
        out.append("Measured ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append(" by `./vitrine bench pos-fleet`: ").append(options.stores()).append(" stores of ")
                .append(options.skus()).append(" SKUs, a poll every ").append(options.pollSeconds())
                .append(" s, a batch of ").append(options.salesPerBatch()).append(" SALEs + 1 HEARTBEAT every ")
                .append(options.saleSeconds()).append(" s per store, ").append(options.minutes())
                .append(" min of traffic; ").append(options.outageStores()).append(" stores offline for the first third, "
                        + "then back at once with an hour of sales (").append(options.outageBatches())
                .append(" batches each). Steady traffic: every ").append(options.steadyLoseEvery())
                .append("th batch of a store has its answer lost and is resent at the store's next tick. The packaged "
                        + "application in cluster mode on MariaDB + Redis, `-Xmx1g`.\n\n");
        out.append("| endpoint | requests | p50 | p99 | errors |\n|---|---|---|---|---|\n");
        row(out, "GET /pos/v1/catalog/changes, bootstrap pages", bootstrapPages);
        row(out, "GET /pos/v1/catalog/changes, polls (200 or 304), outside the storm", polls);
        row(out, "GET /pos/v1/catalog/changes, polls during the reconnect storm", stormPolls);
        row(out, "POST /pos/v1/events, steady", posts);
        row(out, "POST /pos/v1/events, reconnect storm", stormPosts);
        out.append("\n| measure | value |\n|---|---|\n");
        measure(out, "bootstrap of all stores (" + options.threads() + " at a time)", seconds(bootstrap));
        measure(out, "application CPU during the traffic", String.format(Locale.ROOT, "%.1f s over %.1f s wall (%.0f%% of one core)",
                cpu.toNanos() / 1e9, wall.toNanos() / 1e9, 100.0 * cpu.toNanos() / wall.toNanos()));
        measure(out, "application CPU per request", String.format(Locale.ROOT, "%.2f ms (%d requests)",
                requests == 0 ? 0 : cpu.toNanos() / 1e6 / requests, requests));
        measure(out, "price change committed -> first store's feed served it", millis(convergence.firstNanos()));
        measure(out, "price change committed -> all stores' feeds served it", millis(convergence.allNanos())
                + " (" + convergence.converged() + " of " + fleet.size() + " stores)");
        measure(out, "reconnect storm: " + options.outageStores() + " stores' replays done", seconds(storm));
        out.append("\n| count | outaged stores | other stores |\n|---|---|---|\n");
        count(out, "events made (distinct ids)", outageTally.made.get(), fleetTally.made.get());
        count(out, "events sent (answers)", outageTally.sent.get(), fleetTally.sent.get());
        count(out, "ACCEPTED", outageTally.accepted.get(), fleetTally.accepted.get());
        count(out, "DUPLICATE", outageTally.duplicate.get(), fleetTally.duplicate.get());
        count(out, "REJECTED", outageTally.rejected.get(), fleetTally.rejected.get());
        count(out, "events resent (answer lost)", outageTally.resent.get(), fleetTally.resent.get());
        count(out, "ledger rows (pos_events)", outageLedger, ledger - outageLedger);
        count(out, "units sold (SALE lines made)", outageTally.units.get(), fleetTally.units.get());
        count(out, "units sold (store_stock_movements)", outageSold, sold - outageSold);
        List<String> broken = new ArrayList<>();
        check(broken, pending == 0, pending + " batches still queued");
        check(broken, convergence.converged() == fleet.size(), "only " + convergence.converged() + " stores saw the price");
        for (VirtualStore.Tally tally : List.of(outageTally, fleetTally)) {
            String who = tally == outageTally ? "outaged stores" : "other stores";
            check(broken, tally.rejected.get() == 0, who + ": events REJECTED");
            check(broken, tally.sent.get() == tally.accepted.get() + tally.duplicate.get(), who + ": sent != ACCEPTED + DUPLICATE");
            check(broken, tally.accepted.get() == tally.made.get(), who + ": ACCEPTED != events made");
            check(broken, tally.duplicate.get() == tally.resent.get(), who + ": DUPLICATE != events resent");
        }
        check(broken, outageLedger == outageTally.made.get(), "outaged stores: ledger rows != distinct events");
        check(broken, ledger - outageLedger == fleetTally.made.get(), "other stores: ledger rows != distinct events");
        check(broken, outageSold == outageTally.units.get(), "outaged stores: units in the movements != units sold");
        check(broken, sold - outageSold == fleetTally.units.get(), "other stores: units in the movements != units sold");
        out.append('\n').append(broken.isEmpty() ? "All counts hold." : "COUNTS OFF: " + String.join("; ", broken))
                .append("\n\n").append(Benchmarks.machine(loadBefore + " before, " + Benchmarks.uptime() + " after"))
                .append('\n');
        return out.toString();
    }

    private static void check(List<String> broken, boolean holds, String otherwise) {
        if (!holds) {
            broken.add(otherwise);
        }
    }

    private static void row(StringBuilder out, String endpoint, FleetLatencies latencies) {
        out.append("| ").append(endpoint).append(" | ").append(latencies.count()).append(" | ")
                .append(millis(latencies.percentile(50))).append(" | ").append(millis(latencies.percentile(99)))
                .append(" | ").append(latencies.errors()).append(" |\n");
    }

    private static void measure(StringBuilder out, String name, String value) {
        out.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static void count(StringBuilder out, String name, long outaged, long others) {
        out.append("| ").append(name).append(" | ").append(outaged).append(" | ").append(others).append(" |\n");
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toNanos() / 1e9);
    }

    private static void sleepUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            RunningApplication.sleep(TimeUnit.NANOSECONDS.toMillis(left));
        }
    }

    private void rethrow() {
        Throwable thrown = failure.get();
        if (thrown != null) {
            throw new IllegalStateException("the fleet failed: " + thrown.getMessage(), thrown);
        }
    }

    private static void log(String message) {
        System.out.println("[pos-fleet] " + message);
    }

}
