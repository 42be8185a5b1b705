package io.vitrine.benchmarks;

import io.vitrine.customs.signing.DigestAlgorithm;
import io.vitrine.customs.signing.SignatureAlgorithm;
import io.vitrine.customs.signing.TestKeys;
import io.vitrine.tools.fakealipay.FakeAlipay;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * {@code ./vitrine bench kiosk-load} (issue #10 "Load"): a mixed workload at kiosk scale on one application instance
 * with the real services. The packaged application in cluster mode (MariaDB, Redis, an Elasticsearch node; set up as
 * the customs suites do, {@link CustomsPark#environment}, with the search on Elasticsearch) serves {@code --shops}
 * retailers with {@code --skus} generated products ({@link SearchCatalog#addTo}) besides the {@code
 * --checkout-products} each sells in the checkouts ({@link CheckoutShops}); {@code --stores} convenience stores' POS
 * devices poll the catalog feed every {@code --poll-seconds} and post a sale batch every {@code --sale-seconds} the
 * whole time ({@link VirtualStore}), while shopper actions ({@link KioskShopper}: {@code --checkout-share} checkouts,
 * the rest browse and search) arrive open loop (Poisson) at each rate of {@code --rates} in turn for {@code
 * --step-seconds}, until a step shows the knee ({@link Step#knee}). Per step: throughput, p50/p99 and errors per
 * endpoint, CPU per request of the application and the services, heap, RSS and GC, and where the application's
 * threads were ({@link ThreadSampler}). README.md "kiosk-load" explains what is measured and how.
 */
final class KioskLoadBenchmark {

    record Options(int shops, int skus, int checkoutProducts, int stores, int storeSkus, int pollSeconds, int saleSeconds,
                   int salesPerBatch, List<Double> rates, int stepSeconds, int warmupSeconds, double checkoutShare,
                   int sampleSeconds, int maxInFlight, double kneeP99Ratio, double kneeErrorPercent, Path jar,
                   String esUrl, Path resultFile) {

        static final List<String> KNOWN = List.of("shops", "skus", "checkout-products", "stores", "store-skus",
                "poll-seconds", "sale-seconds", "sales-per-batch", "rates", "step-seconds", "warmup", "checkout-share",
                "sample-seconds", "max-in-flight", "knee-p99-ratio", "knee-error-percent", "jar", "es-url", "result");

        static Options parse(List<String> args, Path defaultResult) {
            BenchOptions given = BenchOptions.parse(args, KNOWN);
            return new Options(given.integer("shops", 20), given.integer("skus", 20_000),
                    given.integer("checkout-products", 20), given.integer("stores", 2000), given.integer("store-skus", 50),
                    given.integer("poll-seconds", 30), given.integer("sale-seconds", 60), given.integer("sales-per-batch", 5),
                    given.list("rates", "10,20,40,80,160", Double::valueOf), given.integer("step-seconds", 90),
                    given.integer("warmup", 30), given.decimal("checkout-share", 0.10), given.integer("sample-seconds", 10),
                    given.integer("max-in-flight", 400), given.decimal("knee-p99-ratio", 4),
                    given.decimal("knee-error-percent", 1), Path.of(given.text("jar", "api/target/vitrine.jar")),
                    CustomsPark.esUrl(given), Path.of(given.text("result", defaultResult.toString())));
        }
    }

    /** One step's figures: what was sent and answered, and what the processes spent meanwhile. */
    record Step(double rate, Duration length, Duration drained, KioskTraffic traffic, Map<String, Double> cpuSeconds,
                double appRssMib, JvmGauges heapBefore, JvmGauges heapAfter, ThreadSampler threads, String knee) {

        double achievedPerSecond() {
            return traffic.finishedInTime.get() / (length.toNanos() / 1e9);
        }

        double errorPercent(String endpoint) {
            FleetLatencies l = traffic.endpoint(endpoint);
            long all = l.count() + l.errors();
            return all == 0 ? 0 : 100.0 * l.errors() / all;
        }

        /** Why this step is the knee against the first step ({@code floor}), or null when it is not. */
        static String knee(Options options, Step floor, double rate, Duration length, KioskTraffic traffic) {
            long browseAll = traffic.endpoint(KioskTraffic.BROWSE).count() + traffic.endpoint(KioskTraffic.BROWSE).errors();
            double browseErrors = browseAll == 0 ? 0 : 100.0 * traffic.endpoint(KioskTraffic.BROWSE).errors() / browseAll;
            FleetLatencies checkouts = traffic.endpoint(KioskTraffic.CHECKOUT);
            double checkoutErrors = checkouts.count() + checkouts.errors() == 0 ? 0
                    : 100.0 * checkouts.errors() / (checkouts.count() + checkouts.errors());
            double degraded = browseAll == 0 ? 0 : 100.0 * traffic.degradedAll() / browseAll;
            long counted = traffic.done.get();
            List<String> why = new ArrayList<>();
            if (browseErrors > options.kneeErrorPercent() || checkoutErrors > options.kneeErrorPercent()) {
                why.add(String.format(Locale.ROOT, "errors (browse %.1f%%, checkout %.1f%%)", browseErrors, checkoutErrors));
            }
            if (degraded > options.kneeErrorPercent()) {
                why.add(String.format(Locale.ROOT, "%.1f%% of searches answered from the database", degraded));
            }
            if (traffic.finishedInTime.get() < 0.9 * counted) {
                why.add(String.format(Locale.ROOT, "%d of %d actions finished within the step", traffic.finishedInTime.get(),
                        counted));
            }
            long p99 = traffic.endpoint(KioskTraffic.BROWSE).percentile(99);
            long floorP99 = floor == null ? 0 : floor.traffic().endpoint(KioskTraffic.BROWSE).percentile(99);
            if (floor != null && floorP99 > 0 && p99 > options.kneeP99Ratio() * floorP99) {
                why.add(String.format(Locale.ROOT, "browse p99 %.0f ms = %.1f× the first step's", p99 / 1e6,
                        (double) p99 / floorP99));
            }
            return why.isEmpty() ? null : String.join("; ", why);
        }
    }

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String prefix = "vitrine-bench-kiosk-" + Long.toString(System.currentTimeMillis(), 36);
    private final VirtualStore.Tally tally = new VirtualStore.Tally();
    private final AtomicReference<Throwable> posFailure = new AtomicReference<>();
    /** Where the POS devices' requests are recorded now: the current step's traffic. */
    private volatile KioskTraffic now = new KioskTraffic();

    private KioskLoadBenchmark(Options options) {
        this.options = options;
    }

    static void main(List<String> args, Path defaultResult) throws Exception {
        Options options = Options.parse(args, defaultResult);
        Benchmarks.publish(options.resultFile(), new KioskLoadBenchmark(options).run(Benchmarks.uptime()));
    }

    private String run(String loadBefore) throws Exception {
        log("seeding " + options.shops() + " shops, " + options.skus() + " SKUs and " + options.stores()
                + " POS stores in MariaDB (cluster mode)");
        try (BenchDatabase database = BenchDatabase.start("mariadb");
             FakeAlipay alipay = FakeAlipay.start()) {
            List<CheckoutShops.Shop> shops = CheckoutShops.create(database, options.shops(), options.checkoutProducts());
            List<SearchCatalog.Merchant> merchants = SearchCatalog.addTo(database, shops, options.skus());
            List<List<String>> storeCodes = addPosStores(database, shops, merchants);
            database.release();
            // the customs environment wants a signer: paid orders are declared through the built-in simulator
            CustomsPark.Signer signer = CustomsPark.signer(database, TestKeys.generate(SignatureAlgorithm.RSA_SHA1),
                    SignatureAlgorithm.RSA_SHA1, DigestAlgorithm.SHA1);
            Path log = RunningApplication.logFile("kiosk-load");
            try (RunningApplication app = RunningApplication.start(options.jar(), RunningApplication.jvmOptions(),
                    port -> environment(database, alipay, port, signer), log)) {
                new CustomsPark().configure(app.base(), alipay, shops);
                Duration reindex = SearchBenchmark.reindex(http, app, new BenchTokens(CustomsPark.JWT_SECRET).platformAdmin());
                log("reindexed " + (options.skus() + options.shops() * options.checkoutProducts()) + " products into "
                        + "Elasticsearch in " + reindex.toSeconds() + " s");
                List<VirtualStore> fleet = registerAndBootstrap(app, shops, storeCodes);
                return measure(app, shops, merchants, fleet, alipay, loadBefore);
            } finally {
                CheckoutBenchmark.removeIndexes(http, options.esUrl(), prefix);
                CheckoutBenchmark.removeRedisKeys(prefix);
            }
        }
    }

    private Map<String, String> environment(BenchDatabase database, FakeAlipay alipay, int port, CustomsPark.Signer signer) {
        Map<String, String> env = CustomsPark.environment(database, alipay, port, options.esUrl(), signer);
        env.remove("VITRINE_SEARCH_BACKEND"); // cluster mode's own: Elasticsearch
        env.put("VITRINE_SEARCH_ELASTICSEARCH_INDEX", prefix);
        env.put("VITRINE_SEARCH_ELASTICSEARCH_REPLICAS", "0");
        env.put("VITRINE_REDIS_KEY_PREFIX", prefix);
        env.put("VITRINE_JOBS_POLL_INTERVAL", "200ms");
        // every kiosk and phone of the test comes from 127.0.0.1: the per-address search limit (600/min) would
        // answer 429 to the whole park at once
        env.put("VITRINE_STOREFRONT_SEARCH_ADDRESS_LIMIT_PERMITS", "1000000000");
        return env;
    }

    /**
     * {@code --stores} convenience stores spread over the shops, each carrying the shop's checkout products and
     * shown products of its catalog up to {@code --store-skus}; returns each shop's store codes.
     */
    private List<List<String>> addPosStores(BenchDatabase database, List<CheckoutShops.Shop> shops,
                                            List<SearchCatalog.Merchant> merchants) {
        List<List<String>> codes = new ArrayList<>();
        for (int s = 0; s < shops.size(); s++) {
            List<String> mine = new ArrayList<>();
            for (int n = s; n < options.stores(); n += shops.size()) {
                mine.add(String.format(Locale.ROOT, "F%04d", n));
            }
            PosStores.add(database, shops.get(s).tenant(), mine, storeAssortment(shops.get(s), merchants.get(s)));
            codes.add(mine);
        }
        return codes;
    }

    private List<String> storeAssortment(CheckoutShops.Shop shop, SearchCatalog.Merchant merchant) {
        int more = Math.max(0, Math.min(merchant.shown().size(), options.storeSkus() - shop.skus().size()));
        return Stream.concat(shop.skus().stream(), merchant.shown().stream().limit(more)).toList();
    }

    /** One POS per store through the API, then each store's bootstrap from cursor 0 (checked: every SKU told). */
    private List<VirtualStore> registerAndBootstrap(RunningApplication app, List<CheckoutShops.Shop> shops,
                                                    List<List<String>> storeCodes) throws InterruptedException {
        BenchTokens tokens = new BenchTokens(CustomsPark.JWT_SECRET);
        List<PosStores.Registration> stores = new ArrayList<>();
        for (int s = 0; s < shops.size(); s++) {
            String admin = tokens.retailerAdmin(shops.get(s).tenant());
            for (String code : storeCodes.get(s)) {
                // the tills ring up the checkout products: stocked at the warehouse, on the positive list
                stores.add(new PosStores.Registration(code, admin, shops.get(s).skus(), tally));
            }
        }
        log("registering " + stores.size() + " POS devices through the API");
        long start = System.nanoTime();
        List<VirtualStore> fleet = PosStores.register(app.base(), http, stores.size(), stores::get);
        log(String.format(Locale.ROOT, "  registered in %.1f s; bootstrapping them", (System.nanoTime() - start) / 1e9));
        long bootstrap = System.nanoTime();
        PosStores.forEach(32, "bench-bootstrap-", fleet.size(), i -> {
            int told = fleet.get(i).bootstrap(now.endpoint("POS: GET /pos/v1/catalog/changes (bootstrap)"));
            if (told < options.checkoutProducts()) {
                throw new IllegalStateException(fleet.get(i).code() + " bootstrapped " + told + " SKUs");
            }
        });
        log(String.format(Locale.ROOT, "  bootstrapped in %.1f s", (System.nanoTime() - bootstrap) / 1e9));
        return fleet;
    }

    private String measure(RunningApplication app, List<CheckoutShops.Shop> shops, List<SearchCatalog.Merchant> merchants,
                           List<VirtualStore> fleet, FakeAlipay alipay, String loadBefore) throws Exception {
        KioskShopper shopper = new KioskShopper(app.base(), http, new Shopper(app.base(), alipay, http), shops, merchants,
                options.checkoutShare());
        List<String> broken = shopper.preflight();
        broken.forEach(answer -> log("broken before any load (reported, not sent during the load): " + answer));
        MachineProcesses processes = MachineProcesses.find(app.pid(), options.esUrl(),
                System.getenv().getOrDefault("VITRINE_BENCH_REDIS_URI", "redis://127.0.0.1:6379"), http);
        ScheduledExecutorService ticks = startFleet(fleet);
        ThreadPoolExecutor actions = new ThreadPoolExecutor(options.maxInFlight(), options.maxInFlight(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>());
        List<Step> steps = new ArrayList<>();
        try {
            log("warm-up: " + options.warmupSeconds() + " s at " + options.rates().get(0) + " actions/s (not reported)");
            step(app, processes, shopper, actions, options.rates().get(0), options.warmupSeconds(), null);
            for (double rate : options.rates()) {
                Step step = step(app, processes, shopper, actions, rate, options.stepSeconds(),
                        steps.isEmpty() ? null : steps.get(0));
                steps.add(step);
                if (step.knee() != null) {
                    log("  the knee: " + step.knee());
                    break;
                }
            }
        } finally {
            ticks.shutdownNow();
            actions.shutdownNow();
        }
        if (posFailure.get() != null) {
            throw new IllegalStateException("the POS fleet failed: " + posFailure.get().getMessage(), posFailure.get());
        }
        return KioskLoadReport.of(options, steps, tally, broken, Benchmarks.machine(loadBefore + " before, " + Benchmarks.uptime()
                + " after"));
    }

    /** Each store polls every {@code --poll-seconds} and posts a sale batch every {@code --sale-seconds}, spread out. */
    private ScheduledExecutorService startFleet(List<VirtualStore> fleet) {
        return PosStores.tick(fleet, 32, options.pollSeconds(), options.saleSeconds(), options.salesPerBatch(), 0,
                new PosStores.TickRecords() {
                    @Override
                    public FleetLatencies polls() {
                        return now.endpoint("POS: GET /pos/v1/catalog/changes (poll)");
                    }

                    @Override
                    public FleetLatencies posts() {
                        return now.endpoint("POS: POST /pos/v1/events (sale batch)");
                    }
                }, posFailure);
    }

    /**
     * One step: actions arrive open loop at {@code rate} per second (exponential gaps) for {@code seconds}, each run
     * on a free thread of {@code actions} (queued when all {@code --max-in-flight} are busy: the lag shows it); then
     * the actions still running are awaited. Thread samples every {@code --sample-seconds}.
     */
    private Step step(RunningApplication app, MachineProcesses processes, KioskShopper shopper, ThreadPoolExecutor actions,
                      double rate, int seconds, Step floor) throws InterruptedException {
        KioskTraffic traffic = new KioskTraffic();
        now = traffic;
        log(String.format(Locale.ROOT, "step: %.0f actions/s for %d s", rate, seconds));
        ThreadSampler threads = new ThreadSampler(app.pid());
        ScheduledExecutorService sampling = Executors.newSingleThreadScheduledExecutor();
        sampling.scheduleAtFixedRate(threads::sample, options.sampleSeconds() / 2, options.sampleSeconds(), TimeUnit.SECONDS);
        JvmGauges heapBefore = JvmGauges.of(app.pid());
        Map<String, Double> cpuBefore = processes.cpuSeconds();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        double at = 0;
        while (true) {
            at += -Math.log(1 - ThreadLocalRandom.current().nextDouble()) / rate;
            long intended = start + (long) (at * 1e9);
            if (intended >= end) {
                break;
            }
            RunningApplication.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(intended - System.nanoTime())));
            traffic.begun.incrementAndGet();
            actions.execute(() -> {
                traffic.lag.record(Math.max(0, System.nanoTime() - intended));
                shopper.act(traffic);
                traffic.done.incrementAndGet();
                if (System.nanoTime() <= end) {
                    traffic.finishedInTime.incrementAndGet();
                }
            });
        }
        RunningApplication.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
        long drainFrom = System.nanoTime();
        while ((actions.getActiveCount() > 0 || !actions.getQueue().isEmpty()) && System.nanoTime() - drainFrom < 120e9) {
            RunningApplication.sleep(100);
        }
        Duration drained = Duration.ofNanos(System.nanoTime() - drainFrom);
        sampling.shutdownNow();
        Map<String, Double> cpu = processes.cpuSeconds();
        cpu.replaceAll((role, after) -> after - cpuBefore.getOrDefault(role, 0.0));
        Duration length = Duration.ofSeconds(seconds);
        Step step = new Step(rate, length, drained, traffic, cpu, processes.application().rssMib(), heapBefore,
                JvmGauges.of(app.pid()), threads, Step.knee(options, floor, rate, length, traffic));
        log(String.format(Locale.ROOT, "  %.1f actions/s finished, browse p50 %.0f ms p99 %.0f ms, checkout p99 %.0f ms, "
                        + "app CPU %.0f%% of a core, %.2f ms per request (%d requests)", step.achievedPerSecond(),
                traffic.endpoint(KioskTraffic.BROWSE).percentile(50) / 1e6, traffic.endpoint(KioskTraffic.BROWSE).percentile(99) / 1e6,
                traffic.endpoint(KioskTraffic.CHECKOUT).percentile(99) / 1e6,
                100 * cpu.get(MachineProcesses.APPLICATION) / ((seconds + drained.toNanos() / 1e9)),
                1000 * cpu.get(MachineProcesses.APPLICATION) / Math.max(1, traffic.requests()), traffic.requests()));
        return step;
    }

    static void log(String message) {
        System.out.println("[kiosk-load " + java.time.LocalTime.now().withNano(0) + "] " + message);
    }
}
