package io.vitrine.benchmarks;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vitrine.tools.fakealipay.FakeAlipay;
import io.vitrine.tools.fakealipay.RsaKeys;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code ./vitrine bench checkout}: orders placed and paid per second end to end over HTTP, on the packaged
 * application in cluster mode (MariaDB, Redis, Elasticsearch) whose Alipay gateway is the fake one, in this JVM on
 * loopback. README.md "checkout" explains what is measured and how.
 */
final class CheckoutBenchmark {

    static final String JWT_SECRET = "vitrine-bench-" + Long.toString(System.nanoTime(), 36) + "-0123456789abcdefghijklmnop";

    /** What {@code ./vitrine bench checkout [options]} takes. */
    record Options(int shops, int products, Duration warmup, Duration duration, List<Integer> clients, int stepSamples,
                   Path jar, String esUrl, Path resultFile) {

        static final List<String> KNOWN = List.of("shops", "products", "warmup", "duration", "clients", "step-samples", "jar",
                "es-url", "result");

        static Options parse(List<String> args, Path defaultResult) {
            BenchOptions given = BenchOptions.parse(args, KNOWN);
            String esUrl = given.esUrl();
            if (esUrl == null) {
                throw new IllegalArgumentException("cluster mode needs Elasticsearch: --es-url or VITRINE_BENCH_ES_URL");
            }
            return new Options(given.integer("shops", 4), given.integer("products", 20),
                    Duration.ofSeconds(given.whole("warmup", 15)), Duration.ofSeconds(given.whole("duration", 30)),
                    given.list("clients", "1,8", Integer::valueOf), given.integer("step-samples", 30),
                    Path.of(given.text("jar", "api/target/vitrine.jar")), esUrl,
                    Path.of(given.text("result", defaultResult.toString())));
        }
    }

    /** One client count's figures: the checkouts completed within the measured period, and what they cost. */
    record Row(int clients, Duration measured, long[] placeNanos, long[] endToEndNanos, Duration appCpu,
               Optional<StatementCounter.Counts> statements) {

        int orders() {
            return endToEndNanos.length;
        }

        double perSecond() {
            return orders() / (measured.toNanos() / 1e9);
        }
    }

    /** Statements per step of a checkout, each step measured alone (one shopper, nothing else sent). */
    record StepCounts(Map<String, List<StatementCounter.Counts>> steps, double idleDataPerSecond, double idleAllPerSecond) {
    }

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /**
     * The application's Redis keys live under a prefix of the run's own (the shared Redis keeps other runs' caches:
     * a shop's slug cached by an earlier run resolved to that run's tenant), and so does its search index.
     */
    private final String redisPrefix = "vitrine-bench-checkout-" + Long.toString(System.currentTimeMillis(), 36);
    private final Map<String, AtomicLong> sold = new ConcurrentHashMap<>();
    private final AtomicLong checkouts = new AtomicLong();

    private CheckoutBenchmark(Options options) {
        this.options = options;
    }

    static void main(List<String> args, Path defaultResult) throws Exception {
        Options options = Options.parse(args, defaultResult);
        String uptimeBefore = uptime();
        CheckoutBenchmark benchmark = new CheckoutBenchmark(options);
        String report = benchmark.run(uptimeBefore);
        Benchmarks.publish(options.resultFile(), report);
    }

    private String run(String uptimeBefore) throws Exception {
        log("seeding " + options.shops() + " shops of " + options.products() + " products in MariaDB (cluster mode)");
        try (BenchDatabase database = BenchDatabase.start("mariadb");
             FakeAlipay alipay = FakeAlipay.start()) {
            List<CheckoutShops.Shop> shops = CheckoutShops.create(database, options.shops(), options.products());
            database.release();
            String databaseName = database.mariaDbJdbcUrl().orElseThrow().replaceAll(".*/", "");
            Optional<StatementCounter> counter = StatementCounter.open(databaseName);
            try {
                Path log = Files.createTempFile("vitrine-bench-checkout-", ".log");
                log("starting the application (log " + log + ")");
                try (RunningApplication app = RunningApplication.start(options.jar(), RunningApplication.jvmOptions(),
                        port -> environment(database, counter, alipay, port), log)) {
                    configureAlipay(app, alipay, shops);
                    Shopper shopper = new Shopper(app.base(), alipay, http);
                    int most = options.clients().stream().mapToInt(Integer::intValue).max().orElse(1);
                    measure("JIT warm-up (not reported)", app, shopper, shops, most, counter);
                    List<Row> rows = new ArrayList<>();
                    for (int clients : options.clients()) {
                        rows.add(measure("checkout", app, shopper, shops, clients, counter));
                    }
                    Optional<StepCounts> steps = counter.map(c -> stepCounts(shopper, shops, c));
                    String outcome = CheckoutChecks.verify(database.mariaDbJdbcUrl().orElseThrow(), checkouts.get(), sold,
                            CheckoutShops.ON_HAND);
                    log(outcome);
                    return CheckoutReport.of(options, rows, steps, outcome, Benchmarks.machine(uptimeBefore + " before, "
                            + uptime() + " after"));
                }
            } finally {
                counter.ifPresent(StatementCounter::close);
                removeRedisKeys(redisPrefix);
                removeIndexes(http, options.esUrl(), redisPrefix);
            }
        }
    }


    private Map<String, String> environment(BenchDatabase database, Optional<StatementCounter> counter, FakeAlipay alipay,
                                            int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MICRONAUT_ENVIRONMENTS", "cluster");
        env.put("VITRINE_JWT_SECRET", JWT_SECRET);
        env.put("VITRINE_LOG_FORMAT", "text");
        env.put("VITRINE_DATA_DIR", database.dataDir().toString());
        env.put("VITRINE_DB_URL", database.mariaDbJdbcUrl().orElseThrow());
        env.put("VITRINE_DB_USER", counter.map(StatementCounter::user).orElse(BenchDatabase.mariaDbUser()));
        env.put("VITRINE_DB_PASSWORD", counter.map(StatementCounter::password).orElse(BenchDatabase.mariaDbPassword()));
        env.put("VITRINE_ES_URLS", options.esUrl());
        env.put("VITRINE_SEARCH_ELASTICSEARCH_INDEX", redisPrefix);
        env.put("VITRINE_SEARCH_ELASTICSEARCH_REPLICAS", "0");
        env.put("REDIS_URI", redisUri());
        env.put("VITRINE_REDIS_KEY_PREFIX", redisPrefix);
        BenchDatabase.putPrivacyKeys(env);
        env.put("VITRINE_PAYMENTS_ALIPAY_GATEWAY_URL", alipay.gatewayUrl().toString());
        env.put("VITRINE_PAYMENTS_ALIPAY_NOTIFY_URL", "http://127.0.0.1:" + port + "/api/v1/payments/alipay/notify");
        return env;
    }

    /** Each shop's own Alipay app, registered with the fake and set through the settings API as its admin would. */
    private void configureAlipay(RunningApplication app, FakeAlipay alipay, List<CheckoutShops.Shop> shops) throws Exception {
        BenchTokens tokens = new BenchTokens(JWT_SECRET);
        for (int i = 0; i < shops.size(); i++) {
            String appId = String.format(Locale.ROOT, "2021000%09d", 100_000 + i);
            KeyPair keys = RsaKeys.generate();
            alipay.registerApp(appId, RsaKeys.publicKeyText(keys));
            String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("alipay", Map.of(
                    "appId", appId, "appPrivateKey", RsaKeys.privateKeyText(keys), "alipayPublicKey", alipay.alipayPublicKey())));
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(app.base().resolve("/api/v1/tenant/settings"))
                    .header("Authorization", tokens.retailerAdmin(shops.get(i).tenant()))
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("setting the Alipay app of " + shops.get(i).slug() + " answered "
                        + answer.statusCode() + ": " + answer.body());
            }
        }
        log("set the Alipay apps of " + shops.size() + " shops");
    }

    /**
     * Closed loop: {@code clients} shoppers each run one checkout after another at a random shop for the warm-up and
     * the measured period; a checkout that has begun is always finished. The row counts the checkouts that reached
     * PAID within the measured period, and the application's CPU time and statements over that period. Any failed
     * checkout stops the benchmark.
     */
    private Row measure(String what, RunningApplication app, Shopper shopper, List<CheckoutShops.Shop> shops, int clients,
                        Optional<StatementCounter> counter) throws InterruptedException {
        log(what + ": " + clients + " client(s), " + options.warmup().toSeconds() + " s warm-up + "
                + options.duration().toSeconds() + " s measured");
        long start = System.nanoTime();
        long measureFrom = start + options.warmup().toNanos();
        long end = measureFrom + options.duration().toNanos();
        List<Shopper.Checkout> done = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Long> doneAt = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end && failure.get() == null) {
                    try {
                        CheckoutShops.Shop shop = shops.get(ThreadLocalRandom.current().nextInt(shops.size()));
                        Shopper.Checkout checkout = shopper.checkout(shop, Shopper.Steps.NONE);
                        record(checkout);
                        synchronized (done) {
                            done.add(checkout);
                            doneAt.add(System.nanoTime());
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }, "bench-shopper-" + c);
            thread.start();
            threads.add(thread);
        }
        RunningApplication.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
        Duration cpuBefore = app.cpuTime();
        Optional<StatementCounter.Counts> statementsBefore = counter.map(StatementCounter::now);
        RunningApplication.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
        Duration cpu = app.cpuTime().minus(cpuBefore);
        Optional<StatementCounter.Counts> statements = counter.map(c -> c.now().minus(statementsBefore.orElseThrow()));
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException(what + " with " + clients + " clients: a checkout failed\n" + app.logTail(),
                    failure.get());
        }
        List<Long> place = new ArrayList<>();
        List<Long> endToEnd = new ArrayList<>();
        synchronized (done) {
            for (int i = 0; i < done.size(); i++) {
                if (doneAt.get(i) >= measureFrom && doneAt.get(i) <= end) {
                    place.add(done.get(i).placeNanos());
                    endToEnd.add(done.get(i).endToEndNanos());
                }
            }
        }
        Row row = new Row(clients, options.duration(), sorted(place), sorted(endToEnd), cpu, statements);
        log(String.format(Locale.ROOT, "  %d paid orders in the measured period (%d in all), %.1f/s, place p50 %.0f ms p99 %.0f ms, "
                        + "cart->PAID p50 %.0f ms p99 %.0f ms, app CPU %.0f ms/order%s", row.orders(), done.size(), row.perSecond(),
                percentileMillis(row.placeNanos(), 50), percentileMillis(row.placeNanos(), 99),
                percentileMillis(row.endToEndNanos(), 50), percentileMillis(row.endToEndNanos(), 99),
                cpu.toNanos() / 1e6 / Math.max(1, row.orders()),
                statements.map(s -> String.format(Locale.ROOT, ", %.1f statements/order (%.1f with transaction control)",
                        (double) s.data() / Math.max(1, row.orders()), (double) s.all() / Math.max(1, row.orders()))).orElse("")));
        return row;
    }

    /**
     * One shopper, nothing else sent: the statements of each step read from the counter before and after it, over
     * {@code step-samples} checkouts; and before them, what the application sends while idle (its pollers).
     */
    private StepCounts stepCounts(Shopper shopper, List<CheckoutShops.Shop> shops, StatementCounter counter) {
        log("statements per step: " + options.stepSamples() + " checkouts one at a time, of 1, 2 and 3 lines in turn");
        RunningApplication.sleep(2_000); // the outbox's after-commit work of the last row settles
        StatementCounter.Counts idleFrom = counter.now();
        long idleStart = System.nanoTime();
        RunningApplication.sleep(10_000);
        StatementCounter.Counts idle = counter.now().minus(idleFrom);
        double idleSeconds = (System.nanoTime() - idleStart) / 1e9;
        Map<String, List<StatementCounter.Counts>> steps = new LinkedHashMap<>();
        for (int i = 0; i < options.stepSamples(); i++) {
            StatementCounter.Counts[] last = {counter.now()};
            try {
                record(shopper.checkout(shops.get(i % shops.size()), 1 + i % 3, step -> {
                    StatementCounter.Counts now = counter.now();
                    steps.computeIfAbsent(step, s -> new ArrayList<>()).add(now.minus(last[0]));
                    last[0] = now;
                }));
            } catch (Exception e) {
                throw new IllegalStateException("a checkout of the per-step count failed", e);
            }
        }
        Map<String, List<StatementCounter.Counts>> ordered = new LinkedHashMap<>();
        steps.keySet().stream().sorted(java.util.Comparator.comparing(CheckoutBenchmark::stepRank)).forEach(k -> ordered.put(k, steps.get(k)));
        return new StepCounts(ordered, idle.data() / idleSeconds, idle.all() / idleSeconds);
    }

    /** The steps in the order a checkout takes them, each line count after the other. */
    private static String stepRank(String step) {
        List<String> order = List.of("create cart", "put a line", "place the order", "pay (notify)", "read until PAID");
        for (int i = 0; i < order.size(); i++) {
            if (step.startsWith(order.get(i))) {
                return i + step;
            }
        }
        return order.size() + step;
    }

    private static String redisUri() {
        return System.getenv().getOrDefault("VITRINE_BENCH_REDIS_URI", "redis://127.0.0.1:6379");
    }

    /** Removes a run's search indexes (named after its {@code prefix}), so a node of one's own stays clean. */
    static void removeIndexes(HttpClient http, String esUrl, String redisPrefix) {
        String node = esUrl.replaceAll("/+$", "");
        try {
            HttpResponse<String> indexes = http.send(HttpRequest.newBuilder(java.net.URI.create(node + "/_cat/indices/"
                    + redisPrefix + "*?h=index")).build(), HttpResponse.BodyHandlers.ofString());
            for (String index : indexes.body().strip().split("\\s+")) {
                if (index.startsWith(redisPrefix)) {
                    http.send(HttpRequest.newBuilder(java.net.URI.create(node + "/" + index)).DELETE().build(),
                            HttpResponse.BodyHandlers.discarding());
                }
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log("could not remove the indexes " + redisPrefix + "*: " + e.getMessage());
        }
    }

    /** Removes a run's keys (carts, caches, rate limits; under {@code prefix}) from the shared Redis. */
    static void removeRedisKeys(String redisPrefix) {
        RedisClient client = RedisClient.create(redisUri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            ScanArgs match = ScanArgs.Builder.matches(redisPrefix + ":*").limit(1000);
            KeyScanCursor<String> cursor = connection.sync().scan(match);
            while (true) {
                if (!cursor.getKeys().isEmpty()) {
                    connection.sync().unlink(cursor.getKeys().toArray(String[]::new));
                }
                if (cursor.isFinished()) {
                    break;
                }
                cursor = connection.sync().scan(cursor, match);
            }
        } catch (RuntimeException e) {
            log("could not remove the Redis keys " + redisPrefix + ":*: " + e.getMessage());
        } finally {
            client.shutdown();
        }
    }

    private void record(Shopper.Checkout checkout) {
        checkouts.incrementAndGet();
        checkout.units().forEach((sku, units) -> sold.computeIfAbsent(checkout.tenant() + "/" + sku, k -> new AtomicLong())
                .addAndGet(units));
    }

    private static long[] sorted(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    static double percentileMillis(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * sortedNanos.length);
        return sortedNanos[Math.max(0, rank - 1)] / 1e6;
    }

    /** The three load averages, as {@code uptime} prints them. */
    static String uptime() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (Exception notLinux) {
            return "unknown";
        }
    }

    static void log(String message) {
        System.out.println("[checkout bench " + java.time.LocalTime.now().withNano(0) + "] " + message);
    }
}
