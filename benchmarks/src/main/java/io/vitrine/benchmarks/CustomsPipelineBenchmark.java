package io.vitrine.benchmarks;

import io.vitrine.customs.messages.CebFixtures;
import io.vitrine.customs.messages.CebWriter;
import io.vitrine.customs.messages.Declarations;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * {@code ./vitrine bench customs-pipeline}: paid orders declared and released end to end, through the packaged
 * application in cluster mode (MariaDB, Redis; the embedded search index), the fake Alipay in this JVM (payments, the
 * payment leg's customs declaration) and the built-in single-window simulator answering at once (its configured
 * delays are zero, so what is measured is ours plus the simulator's polling). Shoppers check out and pay over HTTP; the
 * shop's logistics partner posts each paid order's waybill as a signed PARTNER device. Measured: orders released per
 * second, payment → release p50/p99 (the order's paid_at to the declaration's release, both the application's clock),
 * the application's CPU per order; the floor, in this JVM on one thread: building an order's CEB311 and CEB621 from
 * its facts and signing both with the same key kind. Checked: every order released once, one CEB311 and one CEB621
 * per order (distinct guids), nothing rejected.
 */
final class CustomsPipelineBenchmark {

    record Options(int orders, int shops, int products, int clients, SignatureAlgorithm algorithm,
                   DigestAlgorithm digest, Duration patience, Path jar, String esUrl, Path resultFile) {

        static final List<String> KNOWN = List.of("orders", "shops", "products", "clients", "algorithm", "digest",
                "patience-minutes", "jar", "es-url", "result");

        static Options parse(List<String> args, Path defaultResult) {
            BenchOptions given = BenchOptions.parse(args, KNOWN);
            String esUrl = CustomsPark.esUrl(given);
            return new Options(given.integer("orders", 10_000), given.integer("shops", 4),
                    given.integer("products", 20), given.integer("clients", 8),
                    SignatureAlgorithm.valueOf(given.text("algorithm", "RSA_SHA1").toUpperCase(Locale.ROOT)),
                    DigestAlgorithm.valueOf(given.text("digest", "SHA1").toUpperCase(Locale.ROOT)),
                    Duration.ofMinutes(given.whole("patience-minutes", 30)),
                    Path.of(given.text("jar", "api/target/vitrine.jar")), esUrl,
                    Path.of(given.text("result", defaultResult.toString())));
        }
    }

    /** One order as the run saw it. */
    record Released(String orderNo, Instant paidAt, Instant releasedAt) {

        long nanos() {
            return Duration.between(paidAt, releasedAt).toNanos();
        }
    }

    /** What the floor costs: building and signing one order's two messages, and signatures per second alone. */
    record Floor(double nanosPerOrder, double signaturesPerSecond) {
    }

    private final Options options;
    private final CustomsPark park = new CustomsPark();

    private CustomsPipelineBenchmark(Options options) {
        this.options = options;
    }

    static void main(List<String> args, Path defaultResult) throws Exception {
        Options options = Options.parse(args, defaultResult);
        String loadBefore = CheckoutBenchmark.uptime();
        String report = new CustomsPipelineBenchmark(options).run(loadBefore);
        Files.createDirectories(options.resultFile().toAbsolutePath().getParent());
        Files.writeString(options.resultFile(), report, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(report);
        System.out.println("written to " + options.resultFile());
    }

    private String run(String loadBefore) throws Exception {
        SigningKey key = TestKeys.generate(options.algorithm());
        log("the floor: build + sign one order's CEB311 and CEB621, one thread (" + options.algorithm() + ", "
                + options.digest() + " digest)");
        Floor floor = floor(key, options.algorithm(), options.digest());
        Floor otherAlgorithm = floor(TestKeys.generate(other(options.algorithm())), other(options.algorithm()),
                options.digest());
        log(String.format(Locale.ROOT, "  %.2f ms per order, %.0f signatures/s; %s: %.0f signatures/s",
                floor.nanosPerOrder() / 1e6, floor.signaturesPerSecond(), other(options.algorithm()),
                otherAlgorithm.signaturesPerSecond()));
        log("seeding " + options.shops() + " shops of " + options.products() + " products in MariaDB (cluster mode)");
        try (BenchDatabase database = BenchDatabase.start("mariadb");
             FakeAlipay alipay = FakeAlipay.start()) {
            List<CheckoutShops.Shop> shops = CheckoutShops.create(database, options.shops(), options.products());
            database.release();
            CustomsPark.Signer signer = CustomsPark.signer(database, key, options.algorithm(), options.digest());
            Path log = Files.createTempFile("vitrine-bench-customs-", ".log");
            log("starting the application (log " + log + ")");
            try (RunningApplication app = RunningApplication.start(options.jar(), RunningApplication.jvmOptions(),
                    port -> CustomsPark.environment(database, alipay, port, options.esUrl(), signer), log)) {
                Map<String, CustomsPark.Partner> partners = park.configure(app.base(), alipay, shops);
                log("set the Alipay apps and customs codes of " + shops.size() + " shops, registered their partners");
                Shopper shopper = new Shopper(app.base(), alipay, park.http());
                Duration cpuBefore = app.cpuTime();
                long started = System.nanoTime();
                List<String> paid = checkouts(app, shopper, shops, partners);
                Duration checkoutWall = Duration.ofNanos(System.nanoTime() - started);
                log(String.format(Locale.ROOT, "%d orders paid in %.1f s; waiting for their release", paid.size(),
                        checkoutWall.toNanos() / 1e9));
                String jdbc = database.mariaDbJdbcUrl().orElseThrow();
                awaitReleased(jdbc, paid.size(), app);
                Duration cpu = app.cpuTime().minus(cpuBefore);
                List<Released> released = released(jdbc);
                Map<String, Long> counts = counts(jdbc);
                return report(floor, otherAlgorithm, released, counts, cpu, checkoutWall, loadBefore);
            }
        }
    }

    private static SignatureAlgorithm other(SignatureAlgorithm algorithm) {
        return algorithm == SignatureAlgorithm.RSA_SHA1 ? SignatureAlgorithm.SM2_SM3 : SignatureAlgorithm.RSA_SHA1;
    }

    /**
     * Building the two messages of the fixture order (two lines) with the customs module's own builder and writer,
     * then signing each: warmed up for 3 s, then measured for 5 s on this thread.
     */
    static Floor floor(SigningKey key, SignatureAlgorithm algorithm, DigestAlgorithm digest) {
        MessageSigner signer = new XmlDsigMessageSigner(key, algorithm, digest, 8 << 20);
        Declarations declarations = new Declarations(Clock.system(ChinaTime.ZONE), Ids.systemWide());
        CebWriter writer = new CebWriter();
        Submission submission = Submission.declare(CebFixtures.TRANSFER);
        long orders = 0;
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
                orders = 0;
            }
            bytes += signer.sign(writer.write(declarations.order(CebFixtures.ORDER, submission))).length;
            bytes += signer.sign(writer.write(declarations.inventoryList(CebFixtures.ORDER, CebFixtures.CLEARANCE,
                    CebFixtures.SHIPMENT, CebFixtures.COP_NO, submission))).length;
            orders++;
        }
        if (bytes == 0) {
            throw new IllegalStateException("nothing signed");
        }
        double nanosPerOrder = (double) (end - from) / Math.max(1, orders);
        return new Floor(nanosPerOrder, 2e9 / nanosPerOrder);
    }

    /**
     * {@code clients} shoppers check out and pay until the run has its orders; after each payment the shop's partner
     * posts the order's waybill. Any failure stops the benchmark.
     */
    private List<String> checkouts(RunningApplication app, Shopper shopper, List<CheckoutShops.Shop> shops,
                                   Map<String, CustomsPark.Partner> partners) throws InterruptedException {
        AtomicInteger begun = new AtomicInteger();
        ConcurrentLinkedQueue<String> paid = new ConcurrentLinkedQueue<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        parallel(options.clients(), "bench-shopper-", () -> {
            while (failure.get() == null && begun.incrementAndGet() <= options.orders()) {
                try {
                    CheckoutShops.Shop shop = shops.get(ThreadLocalRandom.current().nextInt(shops.size()));
                    Shopper.Checkout checkout = shopper.checkout(shop, Shopper.Steps.NONE);
                    HttpResponse<String> waybill = park.postWaybill(app.base(), partners.get(shop.tenant()),
                            checkout.orderNo());
                    if (waybill.statusCode() != 201) {
                        throw new IllegalStateException("the waybill of " + checkout.orderNo() + " answered "
                                + waybill.statusCode() + ": " + waybill.body());
                    }
                    paid.add(checkout.orderNo());
                    if (paid.size() % 1000 == 0) {
                        log("  " + paid.size() + " paid");
                    }
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

    /** Polls the declarations until every paid order is released; a rejection or the patience running out stops. */
    private void awaitReleased(String jdbc, int orders, RunningApplication app) throws Exception {
        long deadline = System.nanoTime() + options.patience().toNanos();
        long lastLogged = 0;
        while (true) {
            Map<String, Long> statuses;
            try (Connection connection = connect(jdbc)) {
                statuses = countsBy(connection, "SELECT status, COUNT(*) FROM declarations GROUP BY status",
                        new HashMap<>());
            }
            long released = statuses.getOrDefault("RELEASED", 0L);
            if (statuses.getOrDefault("REJECTED", 0L) > 0) {
                throw new IllegalStateException("declarations rejected: " + statuses + "; reasons: "
                        + rejections(jdbc));
            }
            if (released >= orders) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("after " + options.patience() + " only " + released + " of " + orders
                        + " released: " + statuses + "\n" + app.logTail());
            }
            if (System.nanoTime() - lastLogged > Duration.ofSeconds(10).toNanos()) {
                log("  declarations: " + statuses);
                lastLogged = System.nanoTime();
            }
            RunningApplication.sleep(500);
        }
    }

    /** The distinct customs reasons of the rejected declarations, with how many each. */
    private static Map<String, Long> rejections(String jdbc) throws Exception {
        Map<String, Long> reasons = new LinkedHashMap<>();
        try (Connection connection = connect(jdbc);
             PreparedStatement select = connection.prepareStatement("SELECT rejection_reason, COUNT(*) "
                     + "FROM declarations WHERE status = 'REJECTED' GROUP BY rejection_reason");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                reasons.put(rows.getString(1), rows.getLong(2));
            }
        }
        return reasons;
    }

    /** Each order's payment and release, from the application's own records. */
    private static List<Released> released(String jdbc) throws Exception {
        List<Released> released = new ArrayList<>();
        try (Connection connection = connect(jdbc);
             PreparedStatement select = connection.prepareStatement("SELECT o.order_no, o.paid_at, d.updated_at "
                     + "FROM orders o JOIN declarations d ON d.order_no = o.order_no WHERE d.status = 'RELEASED'");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                released.add(new Released(rows.getString(1), instant(rows.getTimestamp(2)),
                        instant(rows.getTimestamp(3))));
            }
        }
        return released;
    }

    /** What must be exactly one per order: messages of each type, distinct guids, releases. */
    private static Map<String, Long> counts(String jdbc) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = connect(jdbc)) {
            counts.put("paid orders", single(connection, "SELECT COUNT(*) FROM orders WHERE paid_at IS NOT NULL"));
            counts.put("declarations", single(connection, "SELECT COUNT(*) FROM declarations"));
            counts.put("released", single(connection, "SELECT COUNT(*) FROM declarations WHERE status = 'RELEASED'"));
            counts.put("CEB311 messages", single(connection,
                    "SELECT COUNT(*) FROM declaration_messages WHERE message_type = 'CEB311'"));
            counts.put("CEB311 orders", single(connection,
                    "SELECT COUNT(DISTINCT order_no) FROM declaration_messages WHERE message_type = 'CEB311'"));
            counts.put("CEB621 messages", single(connection,
                    "SELECT COUNT(*) FROM declaration_messages WHERE message_type = 'CEB621'"));
            counts.put("CEB621 orders", single(connection,
                    "SELECT COUNT(DISTINCT order_no) FROM declaration_messages WHERE message_type = 'CEB621'"));
            counts.put("orders RELEASED", single(connection, "SELECT COUNT(*) FROM orders WHERE status = 'RELEASED'"));
        }
        return counts;
    }

    private String report(Floor floor, Floor otherAlgorithm, List<Released> released, Map<String, Long> counts,
                          Duration cpu, Duration checkoutWall, String loadBefore) {
        long[] nanos = released.stream().mapToLong(Released::nanos).sorted().toArray();
        Instant firstPaid = released.stream().map(Released::paidAt).min(Instant::compareTo).orElseThrow();
        Instant lastReleased = released.stream().map(Released::releasedAt).max(Instant::compareTo).orElseThrow();
        double seconds = Duration.between(firstPaid, lastReleased).toNanos() / 1e9;
        double perSecond = released.size() / seconds;
        double pipelineNanosPerOrder = 1e9 / perSecond;
        double cpuMillisPerOrder = cpu.toNanos() / 1e6 / released.size();
        StringBuilder out = new StringBuilder();
        out.append("# customs-pipeline\n\n");
        out.append(String.format(Locale.ROOT, "Measured %s by `./vitrine bench customs-pipeline`: %d orders of %d shops, "
                        + "%d shoppers, signed %s with a %s digest, simulator delays 0 (polling every 200 ms, receipts "
                        + "read every 200 ms). %s\n\n", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                released.size(), options.shops(), options.clients(), options.algorithm(), options.digest(),
                Benchmarks.machine(loadBefore + " before, " + CheckoutBenchmark.uptime() + " after")));
        out.append("| figure | value |\n|---|---|\n");
        out.append(String.format(Locale.ROOT, "| orders released | %d in %.1f s (first payment to last release) |%n",
                released.size(), seconds));
        out.append(String.format(Locale.ROOT, "| throughput | %.1f orders/s released (%.1f signed messages/s) |%n",
                perSecond, 2 * perSecond));
        out.append(String.format(Locale.ROOT, "| payment → release | p50 %.0f ms, p99 %.0f ms, max %.0f ms |%n",
                CheckoutBenchmark.percentileMillis(nanos, 50), CheckoutBenchmark.percentileMillis(nanos, 99),
                nanos[nanos.length - 1] / 1e6));
        out.append(String.format(Locale.ROOT, "| checkouts (place + pay + waybill) | %.1f s for all, while declaring |%n",
                checkoutWall.toNanos() / 1e9));
        out.append(String.format(Locale.ROOT, "| application CPU | %.1f ms per order (checkout and declaration) |%n",
                cpuMillisPerOrder));
        out.append(String.format(Locale.ROOT, "| floor: build + sign CEB311 and CEB621, one thread | %.2f ms per order "
                + "(%s: %.0f signatures/s; %s: %.0f signatures/s) |%n", floor.nanosPerOrder() / 1e6,
                options.algorithm(), floor.signaturesPerSecond(), other(options.algorithm()),
                otherAlgorithm.signaturesPerSecond()));
        out.append(String.format(Locale.ROOT, "| **pipeline time per order / floor** | **%.1f×** (%.2f ms / %.2f ms) |%n",
                pipelineNanosPerOrder / floor.nanosPerOrder(), pipelineNanosPerOrder / 1e6,
                floor.nanosPerOrder() / 1e6));
        out.append("\nEffectively once (every count must equal the orders):\n\n| count | value |\n|---|---|\n");
        counts.forEach((name, value) -> out.append("| ").append(name).append(" | ").append(value).append(" |\n"));
        List<String> wrong = counts.entrySet().stream().filter(e -> e.getValue() != released.size())
                .map(Map.Entry::getKey).toList();
        out.append(wrong.isEmpty() ? "\nAll counts match.\n" : "\n**Counts that do not match: " + wrong + "**\n");
        return out.toString();
    }

    static void log(String message) {
        System.out.println("[customs bench " + java.time.LocalTime.now().withNano(0) + "] " + message);
    }
}
