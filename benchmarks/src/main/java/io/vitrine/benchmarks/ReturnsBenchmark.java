package io.vitrine.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.customs.messages.CebFixtures;
import io.vitrine.customs.messages.CebWriter;
import io.vitrine.customs.messages.Declarations;
import io.vitrine.customs.messages.InventoryDeclaration;
import io.vitrine.customs.messages.ReturnedItem;
import io.vitrine.customs.messages.Submission;
import io.vitrine.customs.signing.DigestAlgorithm;
import io.vitrine.customs.signing.MessageSigner;
import io.vitrine.customs.signing.SignatureAlgorithm;
import io.vitrine.customs.signing.TestKeys;
import io.vitrine.customs.signing.infra.SigningKey;
import io.vitrine.customs.signing.infra.XmlDsigMessageSigner;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.tools.fakealipay.FakeAlipay;
import io.vitrine.tools.fakealipay.FakeTrade;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static io.vitrine.benchmarks.CustomsPark.connect;
import static io.vitrine.benchmarks.CustomsPark.countsBy;
import static io.vitrine.benchmarks.CustomsPark.instant;
import static io.vitrine.benchmarks.CustomsPark.parallel;
import static io.vitrine.benchmarks.CustomsPark.single;

/**
 * {@code ./vitrine bench returns}: returns processed end to end (issue #7 "Measure"), on the set-up of
 * {@code customs-pipeline} ({@link CustomsPark}): orders of two lines are placed, paid, waybilled and released through
 * the built-in simulator at zero delay; then, per order, the shopper asks (with the order's token) to return its whole
 * first line, the retailer admin approves, customs sends the CEB625 and the simulator's CEB626 800 makes the return
 * ACCEPTED, the shop's warehouse partner (a signed PARTNER device) posts the goods received, and the refund goes to
 * the fake Alipay through the outbox → REFUNDED. Measured from the first return request to the last refund: returns
 * per second, request → refunded p50/p99 (the return's requested_at to its refunded_at, both the application's clock),
 * the application's CPU per return; the floor, in this JVM on one thread: building and signing one CEB625. Checked
 * effectively once: one CEB625 guid per return, one refund per return at Alipay (by out_request_no) of the returned
 * line's value and tax, one stock RETURN movement and one quota REDUCE per return.
 */
final class ReturnsBenchmark {

    record Options(int orders, int shops, int products, int clients, int rate, SignatureAlgorithm algorithm,
                   DigestAlgorithm digest, Duration patience, Path jar, String esUrl, Path resultFile) {

        static final List<String> KNOWN = List.of("orders", "shops", "products", "clients", "rate", "algorithm",
                "digest",
                "patience-minutes", "jar", "es-url", "result");

        static Options parse(List<String> args, Path defaultResult) {
            BenchOptions given = BenchOptions.parse(args, KNOWN);
            String esUrl = CustomsPark.esUrl(given);
            return new Options(given.integer("orders", 1_000), given.integer("shops", 4),
                    given.integer("products", 20), given.integer("clients", 2), given.integer("rate", 0),
                    SignatureAlgorithm.valueOf(given.text("algorithm", "RSA_SHA1").toUpperCase(Locale.ROOT)),
                    DigestAlgorithm.valueOf(given.text("digest", "SHA1").toUpperCase(Locale.ROOT)),
                    Duration.ofMinutes(given.whole("patience-minutes", 30)),
                    Path.of(given.text("jar", "api/target/vitrine.jar")), esUrl,
                    Path.of(given.text("result", defaultResult.toString())));
        }
    }

    /** One return as the application recorded it. */
    record Refunded(String returnNo, Instant requestedAt, Instant refundedAt) {

        long nanos() {
            return Duration.between(requestedAt, refundedAt).toNanos();
        }
    }

    /** A return the shopper asked for: which order, which shop. */
    record Asked(String returnNo, String orderNo, String tenant) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Options options;
    private final CustomsPark park = new CustomsPark();
    private final BenchTokens tokens = new BenchTokens(CustomsPark.JWT_SECRET);

    private ReturnsBenchmark(Options options) {
        this.options = options;
    }

    static void main(List<String> args, Path defaultResult) throws Exception {
        Options options = Options.parse(args, defaultResult);
        String loadBefore = CheckoutBenchmark.uptime();
        ReturnsBenchmark benchmark = new ReturnsBenchmark(options);
        String report = benchmark.run(loadBefore);
        Files.createDirectories(options.resultFile().toAbsolutePath().getParent());
        Files.writeString(options.resultFile(), report, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(report);
        System.out.println("written to " + options.resultFile());
        if (!report.contains("All counts match.")) {
            System.exit(1);
        }
    }

    private String run(String loadBefore) throws Exception {
        SigningKey key = TestKeys.generate(options.algorithm());
        log("the floor: build + sign one CEB625, one thread (" + options.algorithm() + ", " + options.digest() + ")");
        double floorNanos = floor(key, options.algorithm(), options.digest());
        log(String.format(Locale.ROOT, "  %.2f ms per CEB625", floorNanos / 1e6));
        try (BenchDatabase database = BenchDatabase.start("mariadb");
             FakeAlipay alipay = FakeAlipay.start()) {
            List<CheckoutShops.Shop> shops = CheckoutShops.create(database, options.shops(), options.products());
            database.release();
            CustomsPark.Signer signer = CustomsPark.signer(database, key, options.algorithm(), options.digest());
            Path log = Files.createTempFile("vitrine-bench-returns-", ".log");
            log("starting the application (log " + log + ")");
            try (RunningApplication app = RunningApplication.start(options.jar(), RunningApplication.jvmOptions(),
                    port -> CustomsPark.environment(database, alipay, port, options.esUrl(), signer), log)) {
                Map<String, CustomsPark.Partner> partners = park.configure(app.base(), alipay, shops);
                Shopper shopper = new Shopper(app.base(), alipay, park.http());
                String jdbc = database.mariaDbJdbcUrl().orElseThrow();
                List<Shopper.Checkout> paid = checkouts(app, shopper, shops, partners);
                log(paid.size() + " orders paid; waiting for their release");
                await(jdbc, "SELECT COUNT(*) FROM orders WHERE status = 'RELEASED'", paid.size(),
                        "SELECT status, COUNT(*) FROM declarations GROUP BY status", app);
                log("all released; the returns begin");
                Duration cpuBefore = app.cpuTime();
                long started = System.nanoTime();
                Map<String, Asked> asked = returns(app, paid, shops, partners, jdbc);
                Duration wall = Duration.ofNanos(System.nanoTime() - started);
                Duration cpu = app.cpuTime().minus(cpuBefore);
                List<Refunded> refunded = refunded(jdbc);
                Map<String, Long> counts = counts(jdbc, alipay, asked);
                return report(floorNanos, refunded, counts, asked.size(), cpu, wall, loadBefore);
            }
        }
    }

    /** Building the fixture's CEB625 (one line) and signing it: warmed up for 3 s, then measured for 5 s. */
    static double floor(SigningKey key, SignatureAlgorithm algorithm, DigestAlgorithm digest) {
        MessageSigner signer = new XmlDsigMessageSigner(key, algorithm, digest, 8 << 20);
        Declarations declarations = new Declarations(Clock.system(ChinaTime.ZONE), Ids.systemWide());
        CebWriter writer = new CebWriter();
        Submission submission = Submission.declare(CebFixtures.TRANSFER);
        InventoryDeclaration registered = declarations.inventoryList(CebFixtures.ORDER, CebFixtures.CLEARANCE,
                CebFixtures.SHIPMENT, CebFixtures.COP_NO, submission).body();
        List<ReturnedItem> items = List.of(new ReturnedItem(1, BigDecimal.ONE));
        long messages = 0;
        long from = 0;
        long measuredFrom = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        long end = measuredFrom + Duration.ofSeconds(5).toNanos();
        long bytes = 0;
        while (true) {
            long now = System.nanoTime();
            if (now >= end) {
                break;
            }
            if (from == 0 && now >= measuredFrom) {
                from = now;
                messages = 0;
            }
            bytes += signer.sign(writer.write(declarations.returnRequest(registered, "05012026I000000123",
                    "B20261130000000123", items, "七天无理由退货", submission))).length;
            messages++;
        }
        if (bytes == 0) {
            throw new IllegalStateException("nothing signed");
        }
        return (double) (end - from) / Math.max(1, messages);
    }

    /** As customs-pipeline: shoppers check out orders of two lines and pay; the partner posts each waybill. */
    private List<Shopper.Checkout> checkouts(RunningApplication app, Shopper shopper, List<CheckoutShops.Shop> shops,
                                             Map<String, CustomsPark.Partner> partners) throws InterruptedException {
        AtomicInteger begun = new AtomicInteger();
        ConcurrentLinkedQueue<Shopper.Checkout> paid = new ConcurrentLinkedQueue<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        parallel(options.clients(), "bench-shopper-", () -> {
            while (failure.get() == null && begun.incrementAndGet() <= options.orders()) {
                try {
                    CheckoutShops.Shop shop = shops.get(ThreadLocalRandom.current().nextInt(shops.size()));
                    Shopper.Checkout checkout = shopper.checkout(shop, 2, Shopper.Steps.NONE);
                    expect(park.postWaybill(app.base(), partners.get(shop.tenant()), checkout.orderNo()), 201);
                    paid.add(checkout);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }
        });
        if (failure.get() != null) {
            throw new IllegalStateException("a checkout failed\n" + app.logTail(), failure.get());
        }
        return List.copyOf(paid);
    }

    /**
     * {@code clients} threads: per order, the shopper asks to return its first line in full and the retailer admin
     * approves; meanwhile the warehouse posts received for every return customs ACCEPTED; until all are REFUNDED.
     */
    private Map<String, Asked> returns(RunningApplication app, List<Shopper.Checkout> paid,
                                       List<CheckoutShops.Shop> shops, Map<String, CustomsPark.Partner> partners,
                                       String jdbc) throws Exception {
        Map<String, String> slugs = new HashMap<>();
        shops.forEach(shop -> slugs.put(shop.tenant(), shop.slug()));
        Map<String, Asked> asked = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long begun = System.nanoTime();
        Thread warehouse = new Thread(() -> {
            try {
                receiveAccepted(app.base(), partners, asked, paid.size(), jdbc, failure);
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }, "bench-warehouse");
        warehouse.start();
        parallel(options.clients(), "bench-returner-", () -> {
            int i;
            while (failure.get() == null && (i = next.getAndIncrement()) < paid.size()) {
                try {
                    if (options.rate() > 0) {
                        // paced: return i is asked for no earlier than i / rate seconds after the first
                        long due = begun + i * 1_000_000_000L / options.rate();
                        RunningApplication.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
                    }
                    Shopper.Checkout order = paid.get(i);
                    Map.Entry<String, Integer> line = order.units().entrySet().iterator().next();
                    String path = "/s/" + slugs.get(order.tenant()) + "/api/orders/" + order.orderNo()
                            + "/returns?token=" + order.token();
                    JsonNode requested = JSON.readTree(expect(post(app.base(), path, null, Map.of(
                            "items", List.of(Map.of("sku", line.getKey(), "qty", line.getValue())),
                            "reason", "七天无理由退货")), 201));
                    String returnNo = requested.path("returnNo").asText();
                    asked.put(returnNo, new Asked(returnNo, order.orderNo(), order.tenant()));
                    expect(post(app.base(), "/api/v1/returns/" + returnNo + "/approve",
                            tokens.retailerAdmin(order.tenant()), null), 200);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }
        });
        warehouse.join();
        if (failure.get() != null) {
            throw new IllegalStateException("the returns failed\n" + app.logTail(), failure.get());
        }
        return asked;
    }

    /** The warehouse: every 200 ms, posts received for the returns now ACCEPTED; done when all are REFUNDED. */
    private void receiveAccepted(URI app, Map<String, CustomsPark.Partner> partners, Map<String, Asked> asked,
                                 int expected, String jdbc, AtomicReference<Throwable> failure) throws Exception {
        long deadline = System.nanoTime() + options.patience().toNanos();
        long lastLogged = System.nanoTime();
        while (failure.get() == null) {
            Map<String, Long> statuses = new HashMap<>();
            List<String> accepted = new ArrayList<>();
            try (Connection connection = connect(jdbc);
                 PreparedStatement select = connection.prepareStatement("SELECT return_no, status FROM order_returns");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    statuses.merge(rows.getString(2), 1L, Long::sum);
                    if (rows.getString(2).equals("ACCEPTED")) {
                        accepted.add(rows.getString(1));
                    }
                }
            }
            if (statuses.getOrDefault("REJECTED", 0L) > 0) {
                throw new IllegalStateException("returns rejected: " + statuses);
            }
            if (statuses.getOrDefault("REFUNDED", 0L) >= expected) {
                return;
            }
            for (String returnNo : accepted) {
                Asked one = asked.get(returnNo);
                if (one != null) {
                    expect(park.postReturnReceived(app, partners.get(one.tenant()), returnNo), 200);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("after " + options.patience() + " the returns are " + statuses);
            }
            if (System.nanoTime() - lastLogged > Duration.ofSeconds(10).toNanos()) {
                log("  returns: " + statuses);
                lastLogged = System.nanoTime();
            }
            RunningApplication.sleep(200);
        }
    }

    private HttpResponse<String> post(URI app, String path, String token, Object body) throws Exception {
        return park.post(app, path, token, body);
    }

    private static String expect(HttpResponse<String> answer, int status) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(answer.request().method() + " " + answer.uri().getPath() + " answered "
                    + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    private void await(String jdbc, String countQuery, int expected, String statusQuery, RunningApplication app)
            throws Exception {
        long deadline = System.nanoTime() + options.patience().toNanos();
        long lastLogged = System.nanoTime();
        while (true) {
            try (Connection connection = connect(jdbc)) {
                if (single(connection, countQuery) >= expected) {
                    return;
                }
                if (single(connection, "SELECT COUNT(*) FROM declarations WHERE status = 'REJECTED'") > 0
                        || System.nanoTime() > deadline) {
                    throw new IllegalStateException("not all released: " + statuses(connection, statusQuery) + "\n"
                            + app.logTail());
                }
                if (System.nanoTime() - lastLogged > Duration.ofSeconds(10).toNanos()) {
                    log("  declarations: " + statuses(connection, statusQuery));
                    lastLogged = System.nanoTime();
                }
            }
            RunningApplication.sleep(500);
        }
    }

    private static Map<String, Long> statuses(Connection connection, String query) throws Exception {
        return countsBy(connection, query, new LinkedHashMap<>());
    }

    private static List<Refunded> refunded(String jdbc) throws Exception {
        List<Refunded> refunded = new ArrayList<>();
        try (Connection connection = connect(jdbc);
             PreparedStatement select = connection.prepareStatement("SELECT r.return_no, r.requested_at, "
                     + "f.refunded_at FROM order_returns r JOIN return_refunds f ON f.return_id = r.id "
                     + "WHERE r.status = 'REFUNDED'");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                refunded.add(new Refunded(rows.getString(1), instant(rows.getTimestamp(2)),
                        instant(rows.getTimestamp(3))));
            }
        }
        return refunded;
    }

    /**
     * What must be exactly one per return. The amounts: each Alipay refund (by out_request_no, the return number)
     * against the returned order line's value and import tax as sold (order_lines: the whole line is returned, so its
     * share is exact; freight none, BUYER_PAYS).
     */
    private static Map<String, Long> counts(String jdbc, FakeAlipay alipay, Map<String, Asked> asked)
            throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, BigDecimal> expectedRefund = new HashMap<>();
        try (Connection connection = connect(jdbc)) {
            counts.put("returns REFUNDED", single(connection,
                    "SELECT COUNT(*) FROM order_returns WHERE status = 'REFUNDED'"));
            counts.put("CEB625 messages", single(connection,
                    "SELECT COUNT(*) FROM declaration_messages WHERE message_type = 'CEB625'"));
            counts.put("CEB625 guids linked to returns (distinct)", single(connection,
                    "SELECT COUNT(DISTINCT message_guid) FROM return_declarations"));
            counts.put("returns with a CEB625", single(connection,
                    "SELECT COUNT(DISTINCT return_no) FROM return_declarations"));
            counts.put("refunds recorded (return_refunds, refunded_at set)", single(connection,
                    "SELECT COUNT(*) FROM return_refunds WHERE refunded_at IS NOT NULL"));
            counts.put("stock RETURN movements", single(connection,
                    "SELECT COUNT(*) FROM stock_ledger WHERE movement = 'RETURN'"));
            counts.put("quota REDUCE movements", single(connection,
                    "SELECT COUNT(*) FROM annual_quota_movements WHERE movement = 'REDUCE'"));
            counts.put("orders PARTIALLY_RETURNED", single(connection,
                    "SELECT COUNT(*) FROM orders WHERE status = 'PARTIALLY_RETURNED'"));
            try (PreparedStatement select = connection.prepareStatement("SELECT r.return_no, "
                    + "ol.value_fen + ol.tariff_fen + ol.consumption_tax_fen + ol.vat_fen, rl.quantity, ol.quantity "
                    + "FROM order_returns r JOIN order_return_lines rl ON rl.return_id = r.id "
                    + "JOIN order_lines ol ON ol.order_id = r.order_id AND ol.line_no = rl.line_no");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (rows.getInt(3) != rows.getInt(4)) {
                        throw new IllegalStateException("return " + rows.getString(1) + " is not of a whole line");
                    }
                    expectedRefund.merge(rows.getString(1), BigDecimal.valueOf(rows.getLong(2), 2), BigDecimal::add);
                }
            }
        }
        long refunds = 0;
        long rightAmount = 0;
        java.util.Set<String> requestNos = new java.util.HashSet<>();
        for (Asked one : asked.values()) {
            FakeTrade trade = alipay.trade(one.orderNo()).orElseThrow();
            for (FakeTrade.Refund refund : trade.refunds()) {
                refunds++;
                requestNos.add(refund.outRequestNo());
                BigDecimal expected = expectedRefund.get(refund.outRequestNo());
                if (expected != null && expected.compareTo(refund.amount()) == 0) {
                    rightAmount++;
                }
            }
        }
        counts.put("refunds at Alipay", refunds);
        counts.put("distinct out_request_no at Alipay", (long) requestNos.size());
        counts.put("Alipay refunds of the returned line's value + tax", rightAmount);
        return counts;
    }

    private String report(double floorNanos, List<Refunded> refunded, Map<String, Long> counts, int asked,
                          Duration cpu, Duration wall, String loadBefore) {
        long[] nanos = refunded.stream().mapToLong(Refunded::nanos).sorted().toArray();
        Instant first = refunded.stream().map(Refunded::requestedAt).min(Instant::compareTo).orElseThrow();
        Instant last = refunded.stream().map(Refunded::refundedAt).max(Instant::compareTo).orElseThrow();
        double seconds = Duration.between(first, last).toNanos() / 1e9;
        double perSecond = refunded.size() / seconds;
        double nanosPerReturn = 1e9 / perSecond;
        StringBuilder out = new StringBuilder();
        out.append("# returns\n\n");
        out.append(String.format(Locale.ROOT, "Measured %s by `./vitrine bench returns`: %d returns (the whole first "
                        + "line of orders of two lines) over %d shops, %d threads requesting and approving%s, the "
                        + "warehouse partner posting received every 200 ms, CEB625 signed %s with a %s digest, "
                        + "simulator delays 0 (polling every 200 ms, receipts read every 200 ms, outbox every 200 ms). "
                        + "%s\n\n", Instant.now().truncatedTo(ChronoUnit.SECONDS), asked, options.shops(),
                options.clients(),
                options.rate() > 0 ? " (paced at " + options.rate() + " returns/s)" : " (as fast as they can)",
                options.algorithm(), options.digest(),
                Benchmarks.machine(loadBefore + " before, " + CheckoutBenchmark.uptime() + " after")));
        out.append("| figure | value |\n|---|---|\n");
        out.append(String.format(Locale.ROOT, "| returns refunded | %d in %.1f s (first request to last refund; "
                + "%.1f s by the benchmark's clock) |%n", refunded.size(), seconds, wall.toNanos() / 1e9));
        out.append(String.format(Locale.ROOT, "| throughput | %.1f returns/s |%n", perSecond));
        out.append(String.format(Locale.ROOT, "| request → refunded | p50 %.0f ms, p99 %.0f ms, max %.0f ms |%n",
                CheckoutBenchmark.percentileMillis(nanos, 50), CheckoutBenchmark.percentileMillis(nanos, 99),
                nanos[nanos.length - 1] / 1e6));
        out.append(String.format(Locale.ROOT, "| application CPU | %.1f ms per return (request, approval, CEB625, "
                + "receipts, goods received, refund) |%n", cpu.toNanos() / 1e6 / refunded.size()));
        out.append(String.format(Locale.ROOT, "| floor: build + sign one CEB625, one thread | %.2f ms |%n",
                floorNanos / 1e6));
        out.append(String.format(Locale.ROOT, "| **time per return / floor** | **%.1f×** (%.2f ms / %.2f ms) |%n",
                nanosPerReturn / floorNanos, nanosPerReturn / 1e6, floorNanos / 1e6));
        out.append("\nEffectively once (every count must equal the returns, ").append(asked).append("):\n\n");
        out.append("| count | value |\n|---|---|\n");
        counts.forEach((name, value) -> out.append("| ").append(name).append(" | ").append(value).append(" |\n"));
        List<String> wrong = counts.entrySet().stream().filter(e -> e.getValue() != asked)
                .map(Map.Entry::getKey).toList();
        out.append(wrong.isEmpty() && refunded.size() == asked ? "\nAll counts match.\n"
                : "\n**Counts that do not match: " + wrong + "**\n");
        return out.toString();
    }

    static void log(String message) {
        System.out.println("[returns bench " + java.time.LocalTime.now().withNano(0) + "] " + message);
    }
}
