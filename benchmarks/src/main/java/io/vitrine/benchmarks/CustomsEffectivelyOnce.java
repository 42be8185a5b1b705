package io.vitrine.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.customs.signing.DigestAlgorithm;
import io.vitrine.customs.signing.SignatureAlgorithm;
import io.vitrine.customs.signing.TestKeys;
import io.vitrine.customs.signing.infra.SigningKey;
import io.vitrine.tools.fakealipay.FakeAlipay;
import io.vitrine.tools.fakealipay.FakeTrade;
import io.vitrine.tools.fakealipay.Notifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.vitrine.benchmarks.CustomsPark.connect;
import static io.vitrine.benchmarks.CustomsPark.countsBy;
import static io.vitrine.benchmarks.CustomsPark.single;

/**
 * {@code ./vitrine bench customs-effectively-once}: the proof of issue #6's "effectively once". The set-up of
 * {@code customs-pipeline} (packaged application in cluster mode, the built-in simulator answering at once, the fake
 * Alipay in this JVM, each shop's logistics partner); shoppers check out and pay until {@code --orders} orders are
 * paid at Alipay while a killer SIGKILLs the application {@code --kills} times at random moments (a random 3-15 s after
 * it came back; the first half during the checkouts, the rest after them: during checkouts, notifies, waybills, the
 * outbox's deliveries, signing, the simulator's answers and the receipts' intake) and starts it again on the same port, database, Redis prefix and data folder. After each restart
 * the world catches up as it would: Alipay re-sends the notify of every paid trade the application never acknowledged
 * (its lost-notify schedule, here at once), and each partner re-posts every waybill it has no 201 for, plus a few it
 * has (replays). Once the kills are done and every paid order is RELEASED (or the patience ran out), it counts, per
 * order, from the database, the simulator's ledger and archive and the fake Alipay's ledger: one paid order, one
 * declaration, one CEB311 and one CEB621 guid (also as the simulator received them), one release (timeline, 800
 * receipt), refunds at most one (none expected), one payment declaration at Alipay per out_request_no. Writes the
 * table; exits 1 if any count is off.
 *
 * <p>{@code ./vitrine bench kill-loop} (issue #10 "faults") runs the same with mixed traffic and 20 kills: besides the
 * orders, partial returns of some paid orders ({@link KillLoopReturns}: requested, approved, declared by CEB625,
 * received, refunded at the fake Alipay) and a few convenience stores' POS event batches ({@link KillLoopTills}, a
 * batch resent when a kill lost its answer); it also counts per return and per POS event, and that nothing was left
 * half-way once the run settled (a short payment window closes the orders a kill left unpaid).
 */
final class CustomsEffectivelyOnce {

    record Options(String suite, int orders, int kills, int shops, int products, int clients, int returnsEvery,
                   int stores, int salesPerBatch, String paymentWindow, int upFrom, int upTo, long seed,
                   Duration patience, Path jar, String esUrl, Path resultFile) {

        static final List<String> KNOWN = List.of("orders", "kills", "shops", "products", "clients", "returns-every",
                "stores", "sales-per-batch", "payment-window", "up-seconds", "seed", "patience-minutes", "jar",
                "es-url", "result");

        /**
         * {@code customs-effectively-once}: orders only (1,000, 10 kills); {@code kill-loop}: the mixed traffic (300
         * orders, one in 3 of two lines or more partly returned, 4 stores' tills, a 1-minute payment window so the
         * orders a kill left unpaid are closed before the counts, 20 kills).
         */
        static Options parse(String suite, List<String> args, Path defaultResult) {
            BenchOptions given = BenchOptions.parse(args, KNOWN);
            String esUrl = CustomsPark.esUrl(given);
            boolean mixed = suite.equals("kill-loop");
            // how long the application runs after each restart before the next kill: a random MIN-MAX seconds (on a
            // loaded machine a restarted application needs longer than 15 s to get anything done)
            String[] up = given.text("up-seconds", "3-15").split("-");
            if (up.length != 2) {
                throw new IllegalArgumentException("--up-seconds takes MIN-MAX, e.g. 3-15");
            }
            return new Options(suite, given.integer("orders", mixed ? 300 : 1000),
                    given.integer("kills", mixed ? 20 : 10),
                    given.integer("shops", 4), given.integer("products", 20), given.integer("clients", mixed ? 4 : 8),
                    given.integer("returns-every", mixed ? 3 : 0), given.integer("stores", mixed ? 4 : 0),
                    given.integer("sales-per-batch", 3), given.text("payment-window", mixed ? "1m" : ""),
                    Integer.parseInt(up[0].strip()), Integer.parseInt(up[1].strip()),
                    given.whole("seed", System.nanoTime() % 100_000),
                    Duration.ofMinutes(given.whole("patience-minutes", 20)),
                    Path.of(given.text("jar", "api/target/vitrine.jar")), esUrl,
                    Path.of(given.text("result", defaultResult.toString())));
        }
    }

    private final Options options;
    private final CustomsPark park = new CustomsPark();
    private final Random random;
    /** order number → its shop's tenant, as soon as it is placed */
    private final Map<String, String> placed = new ConcurrentHashMap<>();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Set<String> waybilled = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failedCheckouts = new AtomicInteger();
    private final AtomicInteger failedWaybills = new AtomicInteger();
    private final AtomicInteger notifiesResent = new AtomicInteger();
    private final AtomicInteger waybillsReposted = new AtomicInteger();
    private final AtomicInteger waybillReplays = new AtomicInteger();
    private final List<String> killLog = java.util.Collections.synchronizedList(new ArrayList<>());
    private final KillLoopTills tills;
    private KillLoopReturns returns;
    private volatile boolean settling = true;

    private CustomsEffectivelyOnce(Options options) {
        this.options = options;
        this.random = new Random(options.seed());
        this.tills = new KillLoopTills(options.salesPerBatch());
    }

    static void main(String suite, List<String> args, Path defaultResult) throws Exception {
        Options options = Options.parse(suite, args, defaultResult);
        String loadBefore = CheckoutBenchmark.uptime();
        CustomsEffectivelyOnce run = new CustomsEffectivelyOnce(options);
        List<CountCheck> checks = new ArrayList<>();
        String report = run.run(loadBefore, checks);
        Files.createDirectories(options.resultFile().toAbsolutePath().getParent());
        Files.writeString(options.resultFile(), report, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(report);
        System.out.println("written to " + options.resultFile());
        if (!CountCheck.allHold(checks)) {
            System.exit(1);
        }
    }

    private String run(String loadBefore, List<CountCheck> checks) throws Exception {
        SigningKey key = TestKeys.generate(SignatureAlgorithm.RSA_SHA1);
        log("seeding " + options.shops() + " shops in MariaDB; " + options.orders() + " orders, " + options.kills()
                + " kills, seed " + options.seed());
        try (BenchDatabase database = BenchDatabase.start("mariadb");
             FakeAlipay alipay = FakeAlipay.start()) {
            List<CheckoutShops.Shop> shops = CheckoutShops.create(database, options.shops(), options.products());
            List<String> storeCodes = PosStores.codes(options.stores());
            PosStores.add(database, shops.get(0), storeCodes);
            database.release();
            CustomsPark.Signer signer = CustomsPark.signer(database, key, SignatureAlgorithm.RSA_SHA1,
                    DigestAlgorithm.SHA1);
            Path log = Files.createTempFile("vitrine-bench-customs-once-", ".log");
            log("starting the application (log " + log + ")");
            List<String> jvm = RunningApplication.jvmOptions();
            AtomicReference<RunningApplication> app = new AtomicReference<>(RunningApplication.start(options.jar(), jvm,
                    port -> {
                        Map<String, String> env = CustomsPark.environment(database, alipay, port, options.esUrl(),
                                signer);
                        // a killed instance's outbox claims come back after the lease: shorter than the 5 min default
                        // so the run settles in minutes (the listeners here take milliseconds)
                        env.put("VITRINE_OUTBOX_LEASE", "30s");
                        // likewise a receipt file the killed instance had claimed (10 min by default)
                        env.put("VITRINE_CUSTOMS_EXCHANGE_DIRECTORY_CLAIM_TIMEOUT", "30s");
                        if (!options.paymentWindow().isBlank()) {
                            // the orders a kill left unpaid are closed before the counts (30 min by default)
                            env.put("VITRINE_ORDERS_PAYMENT_WINDOW", options.paymentWindow());
                        }
                        return env;
                    }, log));
            try {
                Map<String, CustomsPark.Partner> partners = park.configure(app.get().base(), alipay, shops);
                String jdbc = database.mariaDbJdbcUrl().orElseThrow();
                returns = new KillLoopReturns(park, shops, partners, options.returnsEvery());
                tills.register(park.http(), app.get().base(), new BenchTokens(CustomsPark.JWT_SECRET)
                        .retailerAdmin(shops.get(0).tenant()), storeCodes, shops.get(0).skus());
                Instant started = Instant.now();
                tills.start(Duration.ofSeconds(2));
                Thread returner = returnsDriver(app, jdbc);
                java.util.concurrent.CountDownLatch checkedOut = new java.util.concurrent.CountDownLatch(1);
                Thread killer = new Thread(() -> kills(app, alipay, partners, checkedOut), "bench-killer");
                killer.start();
                checkouts(app, alipay, shops, partners);
                checkedOut.countDown();
                log(paidAtAlipay(alipay).size() + " orders paid at Alipay (" + failedCheckouts.get()
                        + " checkouts broken by kills); waiting for the kills to end");
                killer.join();
                tills.stopAndDrain(System.nanoTime() + options.patience().toNanos());
                Set<String> paid = settle(app, alipay, partners, jdbc);
                settling = false;
                returner.join();
                Duration took = Duration.between(started, Instant.now());
                checks.addAll(count(jdbc, alipay, database.dataDir().resolve("customs-simulator"), paid));
                if (options.returnsEvery() > 0) {
                    checks.addAll(returns.counts(jdbc, alipay, paid));
                }
                if (tills.any()) {
                    checks.addAll(tills.counts(jdbc, shops.get(0).tenant()));
                }
                checks.addAll(unfinished(jdbc));
                return report(paid, checks, took, loadBefore);
            } finally {
                app.get().close();
            }
        }
    }

    /** Shoppers until enough orders are paid at Alipay; a checkout broken by a kill waits for the application. */
    private void checkouts(AtomicReference<RunningApplication> app, FakeAlipay alipay, List<CheckoutShops.Shop> shops,
                           Map<String, CustomsPark.Partner> partners) throws InterruptedException {
        AtomicInteger paidCount = new AtomicInteger();
        CustomsPark.parallel(options.clients(), "bench-shopper-", () -> {
            Shopper shopper = new Shopper(app.get().base(), alipay, park.http());
            while (paidCount.get() < options.orders()) {
                CheckoutShops.Shop shop = shops.get(java.util.concurrent.ThreadLocalRandom.current()
                        .nextInt(shops.size()));
                String[] orderNo = new String[1];
                try {
                    Shopper.Checkout checkout = shopper.checkout(shop, 1 + java.util.concurrent.ThreadLocalRandom
                            .current().nextInt(3), Shopper.Steps.NONE, no -> {
                        orderNo[0] = no;
                        placed.put(no, shop.tenant());
                    });
                    acknowledged.add(checkout.orderNo());
                    postWaybill(app, partners.get(shop.tenant()), checkout.orderNo());
                    returns.offer(checkout);
                } catch (Exception broken) {
                    failedCheckouts.incrementAndGet();
                    awaitHealthy(app);
                }
                if (orderNo[0] != null && alipay.trade(orderNo[0]).map(FakeTrade::paidAt).isPresent()) {
                    int paid = paidCount.incrementAndGet();
                    if (paid % 200 == 0) {
                        log("  " + paid + " paid");
                    }
                }
            }
        });
    }

    private void postWaybill(AtomicReference<RunningApplication> app, CustomsPark.Partner partner, String orderNo) {
        try {
            HttpResponse<String> answer = park.postWaybill(app.get().base(), partner, orderNo);
            if (answer.statusCode() == 201 || answer.statusCode() == 200) { // 200: it was there already
                waybilled.add(orderNo);
            } else {
                failedWaybills.incrementAndGet();
            }
        } catch (Exception e) {
            failedWaybills.incrementAndGet();
        }
    }

    /**
     * {@code kills} times: a random 3-15 s ({@code --up-seconds}) after the application is healthy, SIGKILL, then start
     * it again. The first
     * half while the shoppers check out (declarations run meanwhile); the rest once they are done, while only the
     * declarations, their messages, the simulator's answers and the receipts are in flight.
     */
    private void kills(AtomicReference<RunningApplication> app, FakeAlipay alipay,
                       Map<String, CustomsPark.Partner> partners, java.util.concurrent.CountDownLatch checkedOut) {
        for (int k = 1; k <= options.kills(); k++) {
            if (k == options.kills() / 2 + 1) {
                try {
                    checkedOut.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            long wait;
            synchronized (random) {
                wait = options.upFrom() * 1000L
                        + random.nextInt(Math.max(1, (options.upTo() - options.upFrom()) * 1000));
            }
            RunningApplication.sleep(wait);
            RunningApplication running = app.get();
            running.kill();
            String at = String.format(Locale.ROOT, "kill %d at %s (%d placed, %d paid notifies acknowledged, %d "
                    + "waybills recorded)", k, java.time.LocalTime.now().withNano(0), placed.size(), acknowledged.size(),
                    waybilled.size());
            log(at);
            long restarting = System.nanoTime();
            try {
                app.set(running.restarted());
            } catch (RuntimeException e) {
                killLog.add(at + ": the application did not start again: " + e.getMessage());
                throw e;
            }
            killLog.add(at + String.format(Locale.ROOT, ", back in %.1f s", (System.nanoTime() - restarting) / 1e9));
            catchUp(app, alipay, partners);
        }
    }

    /**
     * What the outside world does after an outage: Alipay re-sends every paid trade's notify the application has not
     * acknowledged; the partners re-post the waybills they have no answer for, and replay a few they have (200).
     */
    private void catchUp(AtomicReference<RunningApplication> app, FakeAlipay alipay,
                         Map<String, CustomsPark.Partner> partners) {
        for (String orderNo : List.copyOf(placed.keySet())) {
            if (acknowledged.contains(orderNo)
                    || alipay.trade(orderNo).map(FakeTrade::paidAt).isEmpty()) {
                continue;
            }
            try {
                List<Notifier.Delivery> deliveries = alipay.resendNotify(orderNo);
                notifiesResent.incrementAndGet();
                if (deliveries.stream().anyMatch(Notifier.Delivery::acknowledged)) {
                    acknowledged.add(orderNo);
                }
            } catch (RuntimeException notNow) {
                // the application went down again: the next catch-up sends it
            }
        }
        for (String orderNo : List.copyOf(acknowledged)) {
            if (!waybilled.contains(orderNo)) {
                waybillsReposted.incrementAndGet();
                postWaybill(app, partners.get(placed.get(orderNo)), orderNo);
            }
        }
        List<String> recorded = new ArrayList<>(waybilled);
        java.util.Collections.shuffle(recorded, random);
        for (String orderNo : recorded.subList(0, Math.min(10, recorded.size()))) {
            waybillReplays.incrementAndGet();
            postWaybill(app, partners.get(placed.get(orderNo)), orderNo);
        }
    }

    /** The returns' steps every 500 ms until the run has settled (a step missed while the application was down is seen
     * again). */
    private Thread returnsDriver(AtomicReference<RunningApplication> app, String jdbc) {
        Thread driver = new Thread(() -> {
            while (settling) {
                try {
                    returns.step(app.get().base(), jdbc);
                } catch (Exception e) {
                    log("returns step failed: " + e);
                }
                RunningApplication.sleep(500);
            }
        }, "bench-returns");
        driver.start();
        return driver;
    }

    /** Nothing left half-way once the run has settled: no order, return, declaration or delivery in between. */
    private List<CountCheck> unfinished(String jdbc) throws Exception {
        List<CountCheck> checks = new ArrayList<>();
        try (Connection connection = connect(jdbc)) {
            checks.add(CountCheck.equal("paid orders neither RELEASED nor PARTIALLY_RETURNED (stuck half-way)", 0,
                    single(connection, "SELECT COUNT(*) FROM orders WHERE paid_at IS NOT NULL AND status NOT IN "
                            + "('RELEASED', 'PARTIALLY_RETURNED')")));
            long unpaid = single(connection, "SELECT COUNT(*) FROM orders WHERE status = 'PENDING_PAYMENT'");
            checks.add(options.paymentWindow().isBlank()
                    ? new CountCheck("orders still PENDING_PAYMENT (no payment window set for the run)", "any",
                    Long.toString(unpaid), true)
                    : CountCheck.equal("orders still PENDING_PAYMENT after the " + options.paymentWindow()
                    + " payment window", 0, unpaid));
            checks.add(CountCheck.equal("returns neither REFUNDED nor REJECTED (stuck half-way)", 0, single(connection,
                    "SELECT COUNT(*) FROM order_returns WHERE status NOT IN ('REFUNDED', 'REJECTED')")));
            checks.add(CountCheck.equal("declarations not RELEASED", 0, single(connection,
                    "SELECT COUNT(*) FROM declarations WHERE status <> 'RELEASED'")));
            checks.add(CountCheck.equal("outbox deliveries DEAD", 0, single(connection,
                    "SELECT COUNT(*) FROM outbox_deliveries WHERE status = 'DEAD'")));
            checks.add(new CountCheck("outbox deliveries still PENDING", "any (due later)", Long.toString(single(
                    connection, "SELECT COUNT(*) FROM outbox_deliveries WHERE status = 'PENDING'")), true));
        }
        return checks;
    }

    /** Until every order paid at Alipay is RELEASED (a catch-up every 15 s), or the patience runs out. */
    private Set<String> settle(AtomicReference<RunningApplication> app, FakeAlipay alipay,
                               Map<String, CustomsPark.Partner> partners, String jdbc) throws Exception {
        long deadline = System.nanoTime() + options.patience().toNanos();
        long lastCatchUp = 0;
        long lastLogged = 0;
        while (true) {
            Set<String> paid = paidAtAlipay(alipay);
            if (System.nanoTime() - lastCatchUp > Duration.ofSeconds(15).toNanos()) {
                catchUp(app, alipay, partners);
                lastCatchUp = System.nanoTime();
            }
            Map<String, Long> statuses = statuses(jdbc);
            long released = statuses.getOrDefault("RELEASED", 0L);
            long unpaid = options.paymentWindow().isBlank() ? 0 : unpaid(jdbc);
            boolean done = released >= paid.size() && returns.settled(jdbc) && unpaid == 0;
            if (done || System.nanoTime() > deadline) {
                if (!done) {
                    log("patience ran out: " + statuses + ", " + returns.refunded(jdbc) + " returns refunded, "
                            + unpaid + " orders unpaid");
                }
                return paid;
            }
            if (System.nanoTime() - lastLogged > Duration.ofSeconds(10).toNanos()) {
                log("  declarations: " + statuses + " of " + paid.size() + " paid; " + returns.refunded(jdbc) + " of "
                        + returns.orders().size() + " returns refunded; " + unpaid + " orders still unpaid");
                lastLogged = System.nanoTime();
            }
            RunningApplication.sleep(1000);
        }
    }

    private Set<String> paidAtAlipay(FakeAlipay alipay) {
        return placed.keySet().stream().filter(no -> alipay.trade(no).map(FakeTrade::paidAt).isPresent())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static long unpaid(String jdbc) throws Exception {
        try (Connection connection = connect(jdbc)) {
            return single(connection, "SELECT COUNT(*) FROM orders WHERE status = 'PENDING_PAYMENT'");
        }
    }

    private static Map<String, Long> statuses(String jdbc) throws Exception {
        try (Connection connection = connect(jdbc)) {
            return countsBy(connection, "SELECT status, COUNT(*) FROM declarations GROUP BY status",
                    new java.util.TreeMap<>());
        }
    }

    private static void awaitHealthy(AtomicReference<RunningApplication> app) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!app.get().healthy() && System.nanoTime() < deadline) {
            RunningApplication.sleep(500);
        }
    }

    // --- the counts

    private List<CountCheck> count(String jdbc, FakeAlipay alipay, Path simulator, Set<String> paid) throws Exception {
        List<CountCheck> checks = new ArrayList<>();
        try (Connection connection = connect(jdbc)) {
            Map<String, Long> ourPaid = perOrder(connection, "SELECT order_no, COUNT(*) FROM orders "
                    + "WHERE paid_at IS NOT NULL GROUP BY order_no");
            checks.add(new CountCheck("orders paid in our database", "the " + paid.size() + " paid at Alipay, no other",
                    ourPaid.size() + (ourPaid.keySet().equals(paid) ? ", the same" : ", NOT the same"),
                    ourPaid.keySet().equals(paid)));
            exactlyOne(checks, paid, "OrderPaid events per order", perOrder(connection, "SELECT business_key, COUNT(*) "
                    + "FROM outbox_events WHERE event_type = 'orders.OrderPaid' GROUP BY business_key"));
            exactlyOne(checks, paid, "waybills per order", perOrder(connection,
                    "SELECT order_no, COUNT(*) FROM order_waybills GROUP BY order_no"));
            exactlyOne(checks, paid, "WaybillAssigned events per order", perOrder(connection, "SELECT business_key, "
                    + "COUNT(*) FROM outbox_events WHERE event_type = 'orders.WaybillAssigned' GROUP BY business_key"));
            exactlyOne(checks, paid, "declarations per order", perOrder(connection,
                    "SELECT order_no, COUNT(*) FROM declarations GROUP BY order_no"));
            exactlyOne(checks, paid, "CEB311 guids per order (ours)", perOrder(connection, "SELECT order_no, "
                    + "COUNT(DISTINCT guid) FROM declaration_messages WHERE message_type = 'CEB311' GROUP BY order_no"));
            exactlyOne(checks, paid, "CEB621 guids per order (ours)", perOrder(connection, "SELECT order_no, "
                    + "COUNT(DISTINCT guid) FROM declaration_messages WHERE message_type = 'CEB621' GROUP BY order_no"));
            exactlyOne(checks, paid, "CEB311/CEB621 file names per guid (= <type>Message_<guid>.xml)",
                    perOrder(connection, "SELECT guid, COUNT(DISTINCT file_name) FROM declaration_messages "
                            + "WHERE file_name = CONCAT(message_type, 'Message_', guid, '.xml') GROUP BY guid"),
                    single(connection, "SELECT COUNT(*) FROM declaration_messages"));
            long sends = single(connection, "SELECT COALESCE(SUM(attempts), 0) FROM declaration_messages");
            long messages = single(connection, "SELECT COUNT(*) FROM declaration_messages");
            checks.add(new CountCheck("send attempts of those messages", "≥ 1 each (more: retried, same guid and file)",
                    sends + " for " + messages + " messages", sends >= messages));
            exactlyOne(checks, paid, "declarations RELEASED per order", perOrder(connection,
                    "SELECT order_no, COUNT(*) FROM declarations WHERE status = 'RELEASED' GROUP BY order_no"));
            exactlyOne(checks, paid, "release receipts (622, 800) recorded per order", perOrder(connection,
                    "SELECT r.order_no, COUNT(*) FROM declaration_receipts r JOIN declaration_messages m "
                            + "ON m.guid = r.message_guid WHERE r.return_status = 800 AND m.message_type = 'CEB621' "
                            + "GROUP BY r.order_no"));
            exactlyOne(checks, paid, "releases on the order's timeline (→ RELEASED) per order", perOrder(connection,
                    "SELECT o.order_no, COUNT(*) FROM order_status_history h JOIN orders o ON o.id = h.order_id "
                            + "WHERE h.kind = 'TRANSITION' AND h.to_status = 'RELEASED' GROUP BY o.order_no"));
            Map<String, Long> refunded = perOrder(connection, "SELECT order_no, COUNT(*) FROM orders "
                    + "WHERE refund_request_no IS NOT NULL GROUP BY order_no");
            checks.add(new CountCheck("orders refunded (ours)", "0 (≤ 1 each)", Long.toString(refunded.size()),
                    refunded.isEmpty()));
            exactlyOne(checks, paid, "payment declarations per order (ours, declaration_payments)",
                    perOrder(connection, "SELECT order_no, COUNT(*) FROM declaration_payments GROUP BY order_no"));
            exactlyOne(checks, paid, "payment declarations ACCEPTED per order", perOrder(connection,
                    "SELECT order_no, COUNT(*) FROM declaration_payments WHERE status = 'ACCEPTED' GROUP BY order_no"));
        }
        alipayCounts(checks, alipay, paid);
        simulatorCounts(checks, simulator, paid);
        return checks;
    }

    private void alipayCounts(List<CountCheck> checks, FakeAlipay alipay, Set<String> paid) {
        Map<String, Long> refunds = new HashMap<>();
        for (String orderNo : paid) {
            if (returns.orders().contains(orderNo)) {
                continue; // counted per return (KillLoopReturns)
            }
            long n = alipay.trade(orderNo).map(t -> (long) t.refunds().size()).orElse(0L);
            if (n > 0) {
                refunds.put(orderNo, n);
            }
        }
        checks.add(new CountCheck("refunds at Alipay (orders not returned)", "0 (≤ 1 per order)", refunds.values()
                .stream()
                .mapToLong(Long::longValue).sum() + " (" + refunds.values().stream().filter(n -> n > 1).count()
                + " orders with more than one)", refunds.values().stream().allMatch(n -> n <= 1) && refunds.isEmpty()));
        Map<String, Set<String>> requestsPerOrder = new HashMap<>();
        Map<String, Long> recordsPerRequest = new HashMap<>();
        Map<String, Long> callsPerRequest = new HashMap<>();
        for (JsonNode entry : alipay.ledger()) {
            String type = entry.path("type").asText();
            if (type.equals("declaration")) {
                JsonNode d = entry.path("declaration");
                requestsPerOrder.computeIfAbsent(d.path("outTradeNo").asText(), k -> new TreeSet<>())
                        .add(d.path("outRequestNo").asText());
                recordsPerRequest.merge(d.path("outRequestNo").asText(), 1L, Long::sum);
            } else if (type.equals("call") && entry.path("method").asText().equals("alipay.trade.customs.declare")) {
                callsPerRequest.merge(entry.path("requestNo").asText(), 1L, Long::sum);
            }
        }
        exactlyOne(checks, paid, "payment declarations made at Alipay per order (distinct out_request_no)",
                requestsPerOrder.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        e -> (long) e.getValue().size())));
        long repeated = recordsPerRequest.values().stream().filter(n -> n != 1).count();
        checks.add(new CountCheck("declarations Alipay recorded per out_request_no", "1 each",
                recordsPerRequest.size() + " requests, " + repeated + " recorded more than once", repeated == 0));
        long calls = callsPerRequest.values().stream().mapToLong(Long::longValue).sum();
        checks.add(new CountCheck("`alipay.trade.customs.declare` calls", "≥ 1 per order (repeats deduplicated by "
                + "out_request_no)", calls + " for " + callsPerRequest.size() + " requests", calls >= paid.size()));
    }

    /**
     * The simulator's side: its ledger's {@code received} lines (one per guid it examined: a repeat is archived
     * unanswered) and the files it archived in {@code processed/} ({@code name}, {@code name.1}... for repeats).
     */
    private void simulatorCounts(List<CountCheck> checks, Path simulator, Set<String> paid) throws IOException {
        Map<String, Set<String>> orderGuids = new HashMap<>();
        Map<String, Set<String>> inventoryGuids = new HashMap<>();
        Map<String, Set<String>> returnGuids = new HashMap<>();
        Map<String, Long> receivedPerGuid = new HashMap<>();
        for (String line : Files.readAllLines(simulator.resolve("ledger.jsonl"), StandardCharsets.UTF_8)) {
            if (!line.contains("\"event\":\"received\"")) {
                continue;
            }
            JsonNode entry = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
            String file = entry.path("file").asText();
            String guid = entry.path("guid").asText();
            String orderNo = entry.path("orderNo").asText();
            receivedPerGuid.merge(guid, 1L, Long::sum);
            if (file.startsWith("CEB311")) {
                orderGuids.computeIfAbsent(orderNo, k -> new TreeSet<>()).add(guid);
            } else if (file.startsWith("CEB621")) {
                inventoryGuids.computeIfAbsent(orderNo, k -> new TreeSet<>()).add(guid);
            } else if (file.startsWith("CEB625")) {
                returnGuids.computeIfAbsent(orderNo, k -> new TreeSet<>()).add(guid);
            }
        }
        exactlyOne(checks, paid, "CEB311 guids per order (the simulator received)", sizes(orderGuids));
        exactlyOne(checks, paid, "CEB621 guids per order (the simulator received)", sizes(inventoryGuids));
        if (!returns.orders().isEmpty() || !returnGuids.isEmpty()) {
            checks.add(CountCheck.exactlyOne(returns.orders(), "orders chosen", "CEB625 guids per chosen order (the "
                    + "simulator received)", sizes(returnGuids)));
        }
        long examinedTwice = receivedPerGuid.values().stream().filter(n -> n > 1).count();
        checks.add(new CountCheck("guids the simulator examined more than once", "0", Long.toString(examinedTwice),
                examinedTwice == 0));
        long files;
        long repeats;
        try (Stream<Path> archived = Files.list(simulator.resolve("processed"))) {
            List<String> names = archived.map(p -> p.getFileName().toString()).toList();
            files = names.size();
            repeats = names.stream().filter(n -> !n.endsWith(".xml")).count();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        checks.add(new CountCheck("files the simulator received again (same name: retries, harmless)", "any",
                repeats + " of " + files + " files", true));
    }

    private static Map<String, Long> sizes(Map<String, Set<String>> sets) {
        return sets.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> (long) e.getValue().size()));
    }

    private static void exactlyOne(List<CountCheck> checks, Set<String> paid, String what, Map<String, Long> perOrder) {
        checks.add(CountCheck.exactlyOne(paid, "paid orders", what, perOrder));
    }

    private static void exactlyOne(List<CountCheck> checks, Set<String> paid, String what, Map<String, Long> perKey,
                                   long expectedKeys) {
        long wrong = perKey.values().stream().filter(n -> n != 1).count();
        checks.add(new CountCheck(what, "1 for each of the " + expectedKeys + " messages",
                perKey.size() + " with 1 name of that form, " + wrong + " not", wrong == 0 && perKey.size() == expectedKeys));
    }

    private static Map<String, Long> perOrder(Connection connection, String query) throws Exception {
        return countsBy(connection, query, new HashMap<>());
    }

    private String report(Set<String> paid, List<CountCheck> checks, Duration took, String loadBefore) {
        StringBuilder out = new StringBuilder("# " + options.suite() + "\n\n");
        out.append(String.format(Locale.ROOT, "Run %s by `./vitrine bench %s --orders %d --kills "
                        + "%d --up-seconds %d-%d --seed %d`: %d shops, %d shoppers, the application SIGKILLed %d times "
                        + "at random moments (%d-%d s after each restart; the first half while shoppers checked out, "
                        + "the rest after) and "
                        + "started again; %d orders paid at Alipay, %d checkouts "
                        + "broken by a kill, %.0f s from the first checkout to the last release. %s\n\n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), options.suite(), options.orders(), options.kills(),
                options.upFrom(), options.upTo(), options.seed(),
                options.shops(), options.clients(), killLog.size(), options.upFrom(), options.upTo(), paid.size(),
                failedCheckouts.get(),
                took.toMillis() / 1e3, Benchmarks.machine(loadBefore + " before, " + CheckoutBenchmark.uptime()
                        + " after")));
        out.append("Catch-up after the restarts: ").append(notifiesResent.get())
                .append(" notifies re-sent by Alipay (paid trades never acknowledged), ").append(waybillsReposted.get())
                .append(" waybills re-posted by partners (no 200/201 seen), ").append(waybillReplays.get())
                .append(" waybills replayed (already recorded); ").append(failedWaybills.get())
                .append(" waybill posts failed (application down or the order not paid yet).\n\n");
        if (options.returnsEvery() > 0) {
            out.append("Returns (one in ").append(options.returnsEvery()).append(" paid orders of two lines or more, "
                    + "the whole first line; the steps driven from what the database shows): ")
                    .append(returns.summary()).append(".\n\n");
        }
        if (tills.any()) {
            out.append("POS (").append(options.salesPerBatch()).append(" sales + a heartbeat per batch, a batch every "
                    + "2 s per store from the first checkout to the last kill, then the queues drained): ")
                    .append(tills.summary()).append(".\n\n");
        }
        if (!options.paymentWindow().isBlank()) {
            out.append("Payment window ").append(options.paymentWindow()).append(": the orders a kill left unpaid are "
                    + "closed before the counts.\n\n");
        }
        CountCheck.table(out, checks);
        out.append("\nKills:\n\n");
        killLog.forEach(k -> out.append("- ").append(k).append('\n'));
        return out.toString();
    }

    static void log(String message) {
        System.out.println("[customs once " + java.time.LocalTime.now().withNano(0) + "] " + message);
    }
}
