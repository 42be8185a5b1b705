package io.vitrine.benchmarks;

import io.vitrine.customs.signing.DigestAlgorithm;
import io.vitrine.customs.signing.SignatureAlgorithm;
import io.vitrine.customs.signing.TestKeys;
import io.vitrine.tools.fakealipay.FakeAlipay;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.vitrine.benchmarks.CustomsPark.connect;
import static io.vitrine.benchmarks.CustomsPark.single;

/**
 * {@code ./vitrine bench faults [--scenario redis|elasticsearch|mariadb|two-instances|all]}: issue #10's fault drills.
 * Private Redis, MariaDB and Elasticsearch of the run ({@link FaultServices}); the packaged application in cluster mode
 * on them (Elasticsearch as its search engine, the built-in customs simulator, the fake Alipay in this JVM); background
 * traffic ({@link FaultTraffic}); then, per scenario, a calm phase, the fault (Redis stopped, Elasticsearch stopped,
 * MariaDB killed and started again, a second instance on the same databases), and the recovery, every answer recorded
 * per endpoint and per second. After the drills, the invariants counted in the database: no half-written order, every
 * paid order declared once, reservations and stock agree, no outbox-driven action done twice, every POS event in the
 * ledger once ({@link FaultTills}), every return refunded once or expired once ({@link FaultReturns}). Writes the tables to
 * {@code benchmarks/results/faults.md}; exits 1 when an invariant is broken or a 500 was answered.
 */
final class FaultDrill {

    record Options(List<String> scenarios, int before, int redisOutage, int esOutage, int mariaDbOutage, int twoInstances,
                   int recovery, int shops, int products, int browsers, int buyers, Path jar, Path esScript, Path result) {

        static final List<String> KNOWN = List.of("scenario", "before", "redis-outage", "es-outage", "mariadb-outage",
                "two-instances-seconds", "recovery", "shops", "products", "browsers", "buyers", "jar", "es-script", "result");
        static final List<String> ALL = List.of("redis", "elasticsearch", "mariadb", "two-instances");

        static Options parse(List<String> args, Path defaultResult) {
            BenchOptions given = BenchOptions.parse(args, KNOWN);
            String scenario = given.text("scenario", "all");
            List<String> scenarios = scenario.equals("all") ? ALL : List.of(scenario.split(","));
            scenarios.forEach(s -> {
                if (!ALL.contains(s)) {
                    throw new IllegalArgumentException("scenarios are " + ALL + " or all, not " + s);
                }
            });
            return new Options(scenarios, given.integer("before", 15), given.integer("redis-outage", 60),
                    given.integer("es-outage", 30), given.integer("mariadb-outage", 20),
                    given.integer("two-instances-seconds", 120), given.integer("recovery", 30), given.integer("shops", 3),
                    given.integer("products", 20), given.integer("browsers", 2), given.integer("buyers", 2),
                    Path.of(given.text("jar", "api/target/vitrine.jar")),
                    Path.of(given.text("es-script", "tools/es-test-node/es-node.sh")),
                    Path.of(given.text("result", defaultResult.toString())));
        }
    }

    /** One line of the invariants' table. */
    record Check(String what, String expected, String found, boolean ok) {

        static Check equal(String what, long expected, long found) {
            return new Check(what, Long.toString(expected), Long.toString(found), expected == found);
        }
    }

    static final String EXPIRY_INTERVAL = "5s";

    private final Options options;
    private final FaultRecorder recorder = new FaultRecorder();
    private final CustomsPark park = new CustomsPark();
    private final BenchTokens tokens = new BenchTokens(CustomsPark.JWT_SECRET);
    private final List<URI> instances = new CopyOnWriteArrayList<>();
    private final StringBuilder report = new StringBuilder();
    private final List<Check> checks = new ArrayList<>();
    private long serverErrors;
    private Instant twoInstancesFrom;
    private Instant twoInstancesUntil;

    private FaultDrill(Options options) {
        this.options = options;
    }

    static void main(List<String> args, Path defaultResult) throws Exception {
        Options options = Options.parse(args, defaultResult);
        FaultDrill drill = new FaultDrill(options);
        String loadBefore = CheckoutBenchmark.uptime();
        drill.run(loadBefore);
        Files.createDirectories(options.result().toAbsolutePath().getParent());
        Files.writeString(options.result(), drill.report.toString(), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(drill.report);
        System.out.println("written to " + options.result());
        if (drill.checks.stream().anyMatch(c -> !c.ok())) {
            System.exit(1);
        }
    }

    private void run(String loadBefore) throws Exception {
        log("starting private Redis, MariaDB and Elasticsearch");
        try (FaultServices services = FaultServices.start(options.esScript().toAbsolutePath())) {
            System.setProperty("VITRINE_TEST_MARIADB_URL", services.mariaDb.url());
            System.setProperty("VITRINE_TEST_MARIADB_USER", "root");
            System.setProperty("VITRINE_TEST_MARIADB_PASSWORD", "");
            log("Redis " + services.redis.uri() + ", MariaDB " + services.mariaDb.url() + ", Elasticsearch "
                    + services.elasticsearch.url() + " (folder " + services.root() + ")");
            try (BenchDatabase database = BenchDatabase.start("mariadb");
                 FakeAlipay alipay = FakeAlipay.start()) {
                List<CheckoutShops.Shop> shops = CheckoutShops.create(database, options.shops(), options.products());
                database.release();
                CustomsPark.Signer signer = CustomsPark.signer(database, TestKeys.generate(SignatureAlgorithm.RSA_SHA1),
                        SignatureAlgorithm.RSA_SHA1, DigestAlgorithm.SHA1);
                String prefix = "faults-" + Long.toString(System.nanoTime(), 36);
                // one environment for every instance (the same personal-data keys and Redis prefix), its port's
                // notify URL apart
                Map<String, String> shared = CustomsPark.environment(database, alipay, 0, services.elasticsearch.url(),
                        signer);
                java.util.function.IntFunction<Map<String, String>> environment = port -> {
                    Map<String, String> env = new LinkedHashMap<>(shared);
                    env.put("VITRINE_PAYMENTS_ALIPAY_NOTIFY_URL", "http://127.0.0.1:" + port
                            + "/api/v1/payments/alipay/notify");
                    env.put("REDIS_URI", services.redis.uri());
                    env.put("VITRINE_REDIS_KEY_PREFIX", prefix);
                    env.put("VITRINE_SEARCH_BACKEND", "elasticsearch");
                    env.put("VITRINE_SEARCH_ELASTICSEARCH_INDEX", "vitrine-faults");
                    env.put("VITRINE_SEARCH_ELASTICSEARCH_REPLICAS", "0");
                    env.put("VITRINE_STOREFRONT_SEARCH_ADDRESS_LIMIT_PERMITS", "1000000000");
                    env.put("VITRINE_OUTBOX_LEASE", "30s");
                    env.put("VITRINE_ORDERS_PAYMENT_WINDOW", "1m");
                    env.put("VITRINE_ORDERS_PAYMENT_QUERY_SCHEDULE", "20s,40s");
                    env.put("VITRINE_JOBS_POLL_INTERVAL", "500ms");
                    // the returns aged by the drill expire within seconds; the POS retention runs during the drills
                    env.put("VITRINE_ORDERS_RETURNS_EXPIRY_INTERVAL", EXPIRY_INTERVAL);
                    env.put("VITRINE_POS_RETENTION_INTERVAL", "10s");
                    return env;
                };
                Path log = Files.createTempFile("vitrine-faults-app-", ".log");
                log("starting the application (log " + log + ")");
                List<RunningApplication> apps = new ArrayList<>();
                apps.add(RunningApplication.start(options.jar(), RunningApplication.jvmOptions(), environment, log));
                instances.add(apps.get(0).base());
                try {
                    Map<String, CustomsPark.Partner> partners = park.configure(apps.get(0).base(), alipay, shops);
                    reindex(apps.get(0));
                    header(loadBefore, services, shops);
                    String jdbc = database.mariaDbJdbcUrl().orElseThrow();
                    try (FaultTraffic traffic = new FaultTraffic(() -> instances, alipay, shops, partners, park, tokens,
                            recorder)) {
                        FaultTills tills = new FaultTills(park.http(), apps.get(0).base(), traffic::base, shops, tokens,
                                recorder);
                        FaultReturns returns = new FaultReturns(traffic, alipay, park, partners, tokens, jdbc);
                        traffic.start(options.browsers(), options.buyers());
                        traffic.spawn("fault-tills", tills::tick, 5000);
                        traffic.spawn("fault-returns", returns::step, 2000);
                        for (String scenario : options.scenarios()) {
                            switch (scenario) {
                                case "redis" -> redis(services);
                                case "elasticsearch" -> elasticsearch(services, traffic);
                                case "mariadb" -> mariaDb(services);
                                case "two-instances" -> twoInstances(apps, environment);
                                default -> throw new IllegalArgumentException(scenario);
                            }
                        }
                        traffic.close();
                        settle(traffic, tills, returns, jdbc);
                        invariants(traffic, tills, returns, jdbc);
                    }
                } finally {
                    for (RunningApplication app : apps) {
                        app.close();
                    }
                }
            }
        }
    }

    // --- the scenarios

    private void redis(FaultServices services) {
        long start = phase("redis: calm", options.before());
        long fault = recorder.nowMillis();
        log("stopping Redis for " + options.redisOutage() + " s");
        services.redis.stop();
        sleepSeconds(options.redisOutage());
        long back = recorder.nowMillis();
        services.redis.start();
        log("Redis is back");
        sleepSeconds(options.recovery());
        scenarioReport("Redis stopped for " + options.redisOutage() + " s (SIGTERM, no persistence: it comes back empty)",
                start, fault, back, recorder.nowMillis());
    }

    private void elasticsearch(FaultServices services, FaultTraffic traffic) {
        long start = phase("elasticsearch: calm", options.before());
        long fault = recorder.nowMillis();
        log("stopping Elasticsearch for " + options.esOutage() + " s");
        services.elasticsearch.stop();
        sleepSeconds(options.esOutage());
        services.elasticsearch.start();
        long back = recorder.nowMillis();
        log("Elasticsearch is back; probing the changes made meanwhile");
        List<FaultTraffic.PriceChange> during = traffic.priceChanges.stream()
                .filter(c -> c.atMillis() >= fault && c.atMillis() < back).toList();
        Map<String, Long> searchableAfter = probe(traffic, during, back);
        sleepSeconds(Math.max(0, options.recovery() - (int) ((recorder.nowMillis() - back) / 1000)));
        scenarioReport("Elasticsearch stopped for " + options.esOutage() + " s (SIGTERM; started again with its data)",
                start, fault, back, recorder.nowMillis());
        long[] seconds = searchableAfter.values().stream().mapToLong(Long::longValue).filter(v -> v >= 0).sorted().toArray();
        long missing = searchableAfter.values().stream().filter(v -> v < 0).count();
        report.append(String.format(Locale.ROOT, "%nPrice changes accepted while Elasticsearch was down: %d (on %d products)."
                        + " Searchable (storefront search by barcode shows the latest price, not degraded) after its return:"
                        + " p50 %.1f s, max %.1f s; not searchable within 60 s: %d.%n", during.size(), searchableAfter.size(),
                FaultRecorder.percentile(seconds, 0.5) / 1000.0,
                seconds.length == 0 ? 0 : seconds[seconds.length - 1] / 1000.0, missing));
        checks.add(new Check("changes made during the Elasticsearch outage searchable after its return",
                "all, within 60 s", (searchableAfter.size() - missing) + " of " + searchableAfter.size()
                + (seconds.length == 0 ? "" : String.format(Locale.ROOT, ", the last after %.1f s",
                seconds[seconds.length - 1] / 1000.0)), missing == 0));
    }

    /** Per product changed during the outage: ms after {@code back} until the search shows its latest price (-1: never). */
    private Map<String, Long> probe(FaultTraffic traffic, List<FaultTraffic.PriceChange> during, long back) {
        Map<String, FaultTraffic.PriceChange> bySku = new LinkedHashMap<>();
        during.forEach(c -> bySku.put(c.tenant() + "/" + c.sku(), c));
        Map<String, Long> found = new HashMap<>();
        long deadline = back + 60_000;
        while (found.size() < bySku.size() && recorder.nowMillis() < deadline) {
            for (Map.Entry<String, FaultTraffic.PriceChange> entry : bySku.entrySet()) {
                if (found.containsKey(entry.getKey())) {
                    continue;
                }
                FaultTraffic.PriceChange first = entry.getValue();
                long latest;
                synchronized (traffic.priceChanges) {
                    latest = traffic.priceChanges.stream().filter(c -> c.tenant().equals(first.tenant())
                            && c.sku().equals(first.sku())).reduce((a, b) -> b).orElseThrow().priceFen();
                }
                if (traffic.searchedPrice(instances.get(0), first) == latest) {
                    found.put(entry.getKey(), recorder.nowMillis() - back);
                }
            }
            RunningApplication.sleep(100);
        }
        bySku.keySet().forEach(k -> found.putIfAbsent(k, -1L));
        return found;
    }

    private void mariaDb(FaultServices services) {
        long start = phase("mariadb: calm", options.before());
        long fault = recorder.nowMillis();
        log("killing MariaDB (SIGKILL) for " + options.mariaDbOutage() + " s");
        services.mariaDb.kill();
        sleepSeconds(options.mariaDbOutage());
        services.mariaDb.start();
        long back = recorder.nowMillis();
        log("MariaDB is back (crash recovery done)");
        sleepSeconds(options.recovery());
        scenarioReport("MariaDB killed (SIGKILL) and started again after " + options.mariaDbOutage()
                + " s (InnoDB crash recovery)", start, fault, back, recorder.nowMillis());
        long firstOrder = recorder.between(back, recorder.nowMillis()).stream()
                .filter(a -> a.endpoint().equals("place order") && a.outcome() == FaultRecorder.Outcome.OK)
                .mapToLong(FaultRecorder.Answer::atMillis).min().orElse(-1);
        report.append(String.format(Locale.ROOT, "%nFirst order placed %s after MariaDB answered again.%n",
                firstOrder < 0 ? "never" : String.format(Locale.ROOT, "%.1f s", (firstOrder - back) / 1000.0)));
    }

    private void twoInstances(List<RunningApplication> apps, java.util.function.IntFunction<Map<String, String>> environment)
            throws Exception {
        long start = phase("two instances: one", options.before());
        Path log = Files.createTempFile("vitrine-faults-app2-", ".log");
        log("starting a second instance on the same databases (log " + log + ")");
        RunningApplication second = RunningApplication.start(options.jar(), RunningApplication.jvmOptions(), environment, log);
        apps.add(second);
        long fault = recorder.nowMillis();
        twoInstancesFrom = Instant.now();
        instances.add(second.base());
        log("two instances for " + options.twoInstances() + " s (traffic on both in turn)");
        sleepSeconds(options.twoInstances());
        long back = recorder.nowMillis();
        twoInstancesUntil = Instant.now();
        scenarioReport("Two instances on the same MariaDB, Redis and Elasticsearch for " + options.twoInstances()
                + " s (traffic sent to each in turn)", start, fault, back, back);
    }

    // --- recording

    private long phase(String name, int seconds) {
        log(name + " for " + seconds + " s");
        long start = recorder.nowMillis();
        sleepSeconds(seconds);
        return start;
    }

    private void scenarioReport(String title, long start, long fault, long back, long end) {
        List<FaultRecorder.Answer> all = recorder.between(start, end);
        long errors = all.stream().filter(a -> a.outcome() == FaultRecorder.Outcome.SERVER).count();
        serverErrors += errors;
        report.append("\n## ").append(title).append("\n\n");
        report.append(String.format(Locale.ROOT, "Phases (s from the scenario's start): calm 0-%d, fault %d-%d, recovery %d-%d."
                + " Answers other than 2xx/4xx/503 (500s): %d.%n%n", (fault - start) / 1000, (fault - start) / 1000,
                (back - start) / 1000, (back - start) / 1000, (end - start) / 1000, errors));
        report.append("Before the fault:\n\n").append(FaultRecorder.summaryTable(recorder.between(start, fault)));
        report.append("\nDuring the fault:\n\n").append(FaultRecorder.summaryTable(recorder.between(fault, back)));
        if (end > back) {
            report.append("\nAfter it:\n\n").append(FaultRecorder.summaryTable(recorder.between(back, end)));
        }
        report.append("\n<details><summary>per second: 2xx/4xx/503/other 5xx/no answer per endpoint</summary>\n\n")
                .append(FaultRecorder.perSecondTable(all, start, FaultTraffic.ENDPOINTS)).append("\n</details>\n");
        checks.add(new Check(title.replaceAll(" \\(.*", "") + ": answers other than 2xx, 4xx, 503", "0",
                Long.toString(errors), errors == 0));
    }

    private void header(String loadBefore, FaultServices services, List<CheckoutShops.Shop> shops) {
        report.append("# faults: the application under dependency faults (issue #10 \"Resilience and security under faults\")\n\n");
        report.append("`./vitrine bench faults --scenario ").append(String.join(",", options.scenarios()))
                .append("` on ").append(Instant.now().toString(), 0, 16).append("Z. Private Redis, MariaDB and Elasticsearch "
                        + "of the run (never the machine's own); the packaged application in cluster mode, Elasticsearch "
                        + "its search engine; ").append(shops.size()).append(" shops of ").append(options.products())
                .append(" products; traffic: ").append(options.browsers()).append(" shoppers searching and reading product "
                        + "pages (100 ms pauses), ").append(options.buyers()).append(" checking out and paying (200 ms "
                        + "pauses; one in ten walks away before paying), the partner's waybill after each payment, staff "
                        + "changing a price every second; one POS till per shop every 5 s (feed poll, two sales and a heartbeat, "
                        + "unanswered batches sent again, one answer in " + FaultTills.LOSE_EVERY + " lost on purpose); "
                        + "every 2 s a return asked and approved on a released order (one in "
                        + FaultReturns.EXPIRING_ONE_IN + " aged in SQL to expire: return-expiry every " + EXPIRY_INTERVAL
                        + ", the others received and refunded).\n\n");
        report.append("Machine: 2 cores shared with other work (loaded). Load before: ").append(loadBefore).append(".\n");
    }

    /** The platform admin's reindex of the shops seeded in SQL, until the storefront finds them. */
    private void reindex(RunningApplication app) throws Exception {
        HttpClient http = park.http();
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(app.base().resolve("/api/v1/search:reindex"))
                .header("Authorization", tokens.platformAdmin()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("reindex answered " + accepted.statusCode() + ": " + accepted.body());
        }
        String jobId = accepted.body().replaceAll(".*\"jobId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        for (int i = 0; i < 600; i++) {
            HttpResponse<String> job = http.send(HttpRequest.newBuilder(app.base().resolve("/api/v1/jobs/" + jobId))
                    .header("Authorization", tokens.platformAdmin()).build(), HttpResponse.BodyHandlers.ofString());
            if (job.body().contains("\"SUCCEEDED\"")) {
                return;
            }
            if (job.body().contains("\"FAILED\"") || job.body().contains("\"DEAD\"")) {
                throw new IllegalStateException("reindex: " + job.body());
            }
            RunningApplication.sleep(200);
        }
        throw new IllegalStateException("the reindex did not finish in 2 minutes");
    }

    // --- after the drills

    /**
     * The outside world catches up (notifies, waybills, the tills' queues, the returns' requests, approvals, receipts),
     * until every paid order has its declaration, every till's queue is empty and every return is REFUNDED or EXPIRED
     * (or 4 minutes passed).
     */
    private void settle(FaultTraffic traffic, FaultTills tills, FaultReturns returns, String jdbc) throws Exception {
        log("traffic stopped; catching up (notifies, waybills, POS batches, returns) and waiting for the declarations");
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            traffic.catchUp();
            int queued = tills.drain();
            returns.catchUp();
            Set<String> paid = traffic.paidAtAlipay();
            long declared;
            try (Connection connection = connect(jdbc)) {
                declared = single(connection, "SELECT COUNT(DISTINCT order_no) FROM declarations");
            }
            boolean returnsDone = returns.settled();
            if (declared >= paid.size() && queued == 0 && returnsDone) {
                return;
            }
            log("  " + declared + " of " + paid.size() + " paid orders declared; POS events queued: " + queued
                    + "; returns settled: " + returnsDone);
            RunningApplication.sleep(5000);
        }
    }

    private void invariants(FaultTraffic traffic, FaultTills tills, FaultReturns returns, String jdbc) throws Exception {
        Set<String> paid = traffic.paidAtAlipay();
        try (Connection c = connect(jdbc)) {
            long ourPaid = single(c, "SELECT COUNT(*) FROM orders WHERE paid_at IS NOT NULL");
            check("orders paid in our database = paid at Alipay", paid.size(), ourPaid);
            check("paid orders without their Alipay trade number", 0, single(c,
                    "SELECT COUNT(*) FROM orders WHERE paid_at IS NOT NULL AND alipay_trade_no IS NULL"));
            check("orders without lines", 0, single(c,
                    "SELECT COUNT(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id)"));
            check("orders without their stock reservation", 0, single(c, "SELECT COUNT(*) FROM orders o WHERE NOT EXISTS "
                    + "(SELECT 1 FROM stock_reservations r WHERE r.tenant_id = o.tenant_id AND r.reference = o.order_no)"));
            check("paid orders whose reservation is not COMMITTED", 0, single(c, "SELECT COUNT(*) FROM orders o "
                    + "JOIN stock_reservations r ON r.tenant_id = o.tenant_id AND r.reference = o.order_no "
                    + "WHERE o.paid_at IS NOT NULL AND r.status <> 'COMMITTED'"));
            check("stock rows whose reserved units differ from their ACTIVE reservations' lines", 0, single(c,
                    "SELECT COUNT(*) FROM stock_levels s WHERE s.reserved <> (SELECT COALESCE(SUM(l.quantity), 0) "
                            + "FROM stock_reservation_lines l JOIN stock_reservations r ON r.id = l.reservation_id "
                            + "WHERE r.status = 'ACTIVE' AND l.tenant_id = s.tenant_id AND l.warehouse_code = s.warehouse_code "
                            + "AND l.sku = s.sku)"));
            check("stock rows with negative reserved units", 0, single(c, "SELECT COUNT(*) FROM stock_levels WHERE reserved < 0"));
            long abandonedExpired = single(c, "SELECT COUNT(*) FROM stock_reservations WHERE status IN ('EXPIRED', 'RELEASED')");
            checks.add(new Check("reservations expired or released (walked-away orders, by the expiry job)",
                    "≥ 0 (informative; " + traffic.abandoned.size() + " walked away)", Long.toString(abandonedExpired), true));
            check("OrderPaid events more than once per order", 0, single(c, "SELECT COUNT(*) FROM (SELECT business_key "
                    + "FROM outbox_events WHERE event_type = 'orders.OrderPaid' GROUP BY business_key HAVING COUNT(*) > 1) d"));
            check("paid orders with a declaration", paid.size(), single(c,
                    "SELECT COUNT(DISTINCT d.order_no) FROM declarations d JOIN orders o ON o.order_no = d.order_no "
                            + "WHERE o.paid_at IS NOT NULL"));
            check("orders declared more than once", 0, single(c, "SELECT COUNT(*) FROM (SELECT order_no FROM declarations "
                    + "GROUP BY order_no HAVING COUNT(*) > 1) d"));
            check("orders with more than one CEB311 guid", 0, single(c, "SELECT COUNT(*) FROM (SELECT order_no FROM "
                    + "declaration_messages WHERE message_type = 'CEB311' GROUP BY order_no HAVING COUNT(DISTINCT guid) > 1) d"));
            check("declarations of unpaid orders", 0, single(c, "SELECT COUNT(*) FROM declarations d JOIN orders o "
                    + "ON o.order_no = d.order_no WHERE o.paid_at IS NULL"));
            check("waybills more than once per order", 0, single(c, "SELECT COUNT(*) FROM (SELECT order_no FROM "
                    + "order_waybills GROUP BY order_no HAVING COUNT(*) > 1) d"));
            check("orders CLOSED more than once (the unpaid-order closing)", 0, single(c, "SELECT COUNT(*) FROM "
                    + "(SELECT order_id FROM order_status_history WHERE to_status = 'CLOSED' AND kind = 'TRANSITION' "
                    + "GROUP BY order_id HAVING COUNT(*) > 1) d"));
            checks.addAll(tills.checks(c));
            checks.addAll(returns.checks(c));
            if (twoInstancesFrom != null) {
                checks.add(new Check("returns expired while two instances ran (each once: the note check above)",
                        "informative", Long.toString(expiredBetween(c, twoInstancesFrom, twoInstancesUntil)), true));
            }
            check("outbox deliveries DEAD", 0, single(c, "SELECT COUNT(*) FROM outbox_deliveries WHERE status = 'DEAD'"));
            long pending = single(c, "SELECT COUNT(*) FROM outbox_deliveries WHERE status = 'PENDING'");
            long retried = single(c, "SELECT COUNT(*) FROM outbox_deliveries WHERE attempts > 1");
            checks.add(new Check("outbox deliveries still PENDING / claimed more than once (retries after a fault)",
                    "informative", pending + " / " + retried, true));
            checks.add(new Check("orders placed / paid at Alipay / walked away", "informative",
                    traffic.placed.size() + " / " + paid.size() + " / " + traffic.abandoned.size(), true));
        }
        report.append("\n## Invariants after the drills (SQL on the run's database)\n\n| check | expected | found | ok |\n"
                + "|---|---|---|---|\n");
        for (Check check : checks) {
            report.append("| ").append(check.what()).append(" | ").append(check.expected()).append(" | ")
                    .append(check.found()).append(" | ").append(check.ok() ? "yes" : "**NO**").append(" |\n");
        }
        Map<String, String> bodies = recorder.serverErrorBodies();
        if (!bodies.isEmpty()) {
            report.append("\nFirst body of each 5xx other than 503:\n\n");
            bodies.forEach((k, v) -> report.append("- ").append(k).append(": `").append(v.replace('`', '\'')
                    .replace('\n', ' ')).append("`\n"));
        }
    }

    private static long expiredBetween(Connection c, Instant from, Instant until) throws java.sql.SQLException {
        try (java.sql.PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM order_returns "
                + "WHERE status = 'EXPIRED' AND updated_at >= ? AND updated_at < ?")) {
            select.setString(1, FaultReturns.utc(from));
            select.setString(2, FaultReturns.utc(until));
            try (java.sql.ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private void check(String what, long expected, long found) {
        checks.add(Check.equal(what, expected, found));
    }

    private static void sleepSeconds(int seconds) {
        RunningApplication.sleep(seconds * 1000L);
    }

    private static void log(String message) {
        System.err.println("[faults " + java.time.LocalTime.now().withNano(0) + "] " + message);
    }
}
