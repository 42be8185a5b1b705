package io.vitrine.benchmarks;

import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.infra.SqlInstants;
import io.vitrine.pos.events.EventIngest;
import io.vitrine.pos.events.EventResult;
import io.vitrine.pos.events.EventStatus;
import io.vitrine.pos.events.IngestingDevice;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * POS event ingest on MariaDB (issue #8 "Measure"), not JMH: {@link EventIngest} called in-process (the HTTP layer
 * and the signature are measured by device-auth, not here).
 * <ol>
 *   <li>Throughput: rounds of 10 batches of 500 SALE events (one line each, 100 SKUs, 200 stores' tills), events
 *   per second, against the floor measured in the same round: a bare JDBC batch insert of the same rows (500 ledger
 *   rows and 500 movement rows per batch, one transaction per batch) into the same tables.</li>
 *   <li>Replay: one hour of 200 stores — a heartbeat a minute and a sale every two minutes per store, flushed every
 *   5 minutes — posted by 4 threads, and every batch posted a second time in a shuffled order (a flaky network's
 *   retries), so each event arrives twice. Counted after: ledger rows, movement rows and the stores' level sum
 *   must be those of one delivery: zero duplicates.</li>
 * </ol>
 */
final class PosIngestBenchmark {

    static final int STORES = 200;
    static final int SKUS = 100;
    static final int BATCH = 500;
    static final int BATCHES_PER_ROUND = 10;
    static final int WARMUP_ROUNDS = 2;
    static final int ROUNDS = 5;
    static final int REPLAY_THREADS = 4;

    private PosIngestBenchmark() {
    }

    static String report(String machine) throws Exception {
        try (BenchDatabase db = BenchDatabase.start("mariadb")) {
            Shop shop = Shop.create(db);
            EventIngest ingest = db.context().getBean(EventIngest.class);
            Instant now = db.context().getBean(Clock.class).instant().truncatedTo(ChronoUnit.SECONDS);
            List<double[]> rounds = new ArrayList<>();
            for (int round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
                double[] rates = throughputRound(db, shop, ingest, now, round);
                if (round >= WARMUP_ROUNDS) {
                    rounds.add(rates);
                }
            }
            Replay replay = replay(db, shop, ingest, now);
            return markdown(rounds, replay, machine);
        }
    }

    /** {floor events/s, ingest events/s} of one round. */
    private static double[] throughputRound(BenchDatabase db, Shop shop, EventIngest ingest, Instant now, int round) {
        Random random = new Random(round);
        List<List<String>> batches = new ArrayList<>();
        for (int b = 0; b < BATCHES_PER_ROUND; b++) {
            List<String> events = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                events.add(sale("t" + round + "-" + b + "-" + i, now.minusSeconds(3600 + i), shop.sku(random)));
            }
            batches.add(events);
        }
        long floorStart = System.nanoTime();
        String floorTenant = UUID.randomUUID().toString(); // a tenant of its own: the floor rows never meet the ingest's
        for (int b = 0; b < batches.size(); b++) {
            bareInsert(db, floorTenant, "dk_floor" + b, batches.get(b).size(), shop, random, now);
        }
        double floor = rate(BATCH * BATCHES_PER_ROUND, floorStart);
        long start = System.nanoTime();
        for (int b = 0; b < batches.size(); b++) {
            List<EventResult> results = ingest.ingest(shop.device((round * BATCHES_PER_ROUND + b) % STORES),
                    body(batches.get(b)));
            expectAll(results, EventStatus.ACCEPTED);
        }
        return new double[]{floor, rate(BATCH * BATCHES_PER_ROUND, start)};
    }

    /** The same rows the ingest writes for a batch of one-line sales, in two JDBC batches, one transaction. */
    private static void bareInsert(BenchDatabase db, String tenant, String device, int events, Shop shop, Random random,
                                   Instant now) {
        db.inTransaction(connection -> {
            try (PreparedStatement ledger = connection.prepareStatement("INSERT INTO pos_events (tenant_id, device_key, "
                    + "event_id, store_code, event_type, occurred_at, received_at, payload_hash, receipt_no) "
                    + "VALUES (?, ?, ?, 'S000', 'SALE', ?, ?, ?, ?)");
                 PreparedStatement movements = connection.prepareStatement("INSERT INTO store_stock_movements "
                         + "(tenant_id, device_key, event_id, line_no, store_code, sku, kind, quantity, occurred_at) "
                         + "VALUES (?, ?, ?, 0, 'S000', ?, 'SALE', -1, ?)")) {
                for (int i = 0; i < events; i++) {
                    String id = "f" + i;
                    String at = SqlInstants.text(now.minusSeconds(3600 + i));
                    ledger.setString(1, tenant);
                    ledger.setString(2, device);
                    ledger.setString(3, id);
                    ledger.setString(4, at);
                    ledger.setString(5, SqlInstants.text(now));
                    ledger.setString(6, "0".repeat(64));
                    ledger.setString(7, "R-" + id);
                    ledger.addBatch();
                    movements.setString(1, tenant);
                    movements.setString(2, device);
                    movements.setString(3, id);
                    movements.setString(4, shop.sku(random));
                    movements.setString(5, at);
                    movements.addBatch();
                }
                ledger.executeBatch();
                movements.executeBatch();
            }
            return null;
        });
    }

    private record Replay(int events, int posts, long accepted, long duplicate, long rejected, long ledgerRows,
                          long saleRows, long levelSum, double seconds) {
    }

    private static Replay replay(BenchDatabase db, Shop shop, EventIngest ingest, Instant now) throws Exception {
        Instant hourAgo = now.minusSeconds(3600);
        List<Post> posts = new ArrayList<>();
        int events = 0;
        int sales = 0;
        Random random = new Random(42);
        for (int store = 0; store < STORES; store++) {
            for (int flush = 0; flush < 12; flush++) {
                List<String> batch = new ArrayList<>();
                for (int minute = flush * 5; minute < flush * 5 + 5; minute++) {
                    Instant at = hourAgo.plusSeconds(minute * 60L);
                    batch.add("{\"eventId\":\"hb-" + minute + "\",\"type\":\"HEARTBEAT\",\"occurredAt\":\"" + offset(at)
                            + "\",\"appVersion\":\"6.2." + minute / 30 + "\"}");
                    if (minute % 2 == 0) {
                        batch.add(sale("sale-" + minute, at.plusSeconds(20), shop.sku(random)));
                        sales++;
                    }
                }
                events += batch.size();
                posts.add(new Post(store, body(batch)));
            }
        }
        List<Post> twice = new ArrayList<>(posts);
        List<Post> resent = new ArrayList<>(posts);
        Collections.shuffle(resent, random);
        twice.addAll(resent);
        Map<EventStatus, Long> counts = new EnumMap<>(EventStatus.class);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(REPLAY_THREADS);
        try {
            List<Future<List<EventResult>>> answers = new ArrayList<>();
            for (Post post : twice) {
                answers.add(pool.submit(() -> ingest.ingest(shop.device(post.store()), post.body())));
            }
            for (Future<List<EventResult>> answer : answers) {
                answer.get().forEach(result -> counts.merge(result.status(), 1L, Long::sum));
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String tenant = shop.tenant().value();
        long ledger = db.count("SELECT COUNT(*) FROM pos_events WHERE tenant_id = ? AND event_id NOT LIKE 't%'", tenant);
        long saleRows = db.count("SELECT COUNT(*) FROM store_stock_movements WHERE tenant_id = ? "
                + "AND event_id LIKE 'sale-%'", tenant);
        long levelSum = db.count("SELECT COALESCE(SUM(on_hand), 0) FROM store_stock WHERE tenant_id = ?", tenant);
        Replay replay = new Replay(events, twice.size(), counts.getOrDefault(EventStatus.ACCEPTED, 0L),
                counts.getOrDefault(EventStatus.DUPLICATE, 0L), counts.getOrDefault(EventStatus.REJECTED, 0L), ledger,
                saleRows, levelSum, seconds);
        long throughputSales = (long) (WARMUP_ROUNDS + ROUNDS) * BATCHES_PER_ROUND * BATCH;
        if (replay.accepted() != events || replay.duplicate() != events || replay.rejected() != 0
                || ledger != events || saleRows != sales || levelSum != -(sales + throughputSales)) {
            throw new IllegalStateException("the replay applied something twice or lost it: " + replay
                    + ", expected " + events + " events, " + sales + " sales");
        }
        return replay;
    }

    private record Post(int store, byte[] body) {
    }

    private static String markdown(List<double[]> rounds, Replay replay, String machine) {
        double floor = median(rounds.stream().map(r -> r[0]).toList());
        double ingest = median(rounds.stream().map(r -> r[1]).toList());
        return "# POS event ingest\n\n"
                + "Measured " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " by `./vitrine bench pos-ingest` on "
                + "MariaDB (a fresh database), `EventIngest` called in-process (no HTTP, no signature).\n\n"
                + machine + ".\n\n"
                + "Throughput: " + ROUNDS + " measured rounds after " + WARMUP_ROUNDS + " warm-up rounds; a round is "
                + BATCHES_PER_ROUND + " batches of " + BATCH + " SALE events (one line each, " + SKUS + " SKUs, "
                + "each batch from another of " + STORES + " stores' tills). Medians over the rounds.\n\n"
                + "| what | events/s (median) | min – max | share of floor throughput |\n|---|--:|--:|--:|\n"
                + line("bare JDBC batch insert of the same rows (floor): 500 ledger + 500 movement rows, one "
                + "transaction per batch", floor, rounds.stream().map(r -> r[0]).toList(), floor)
                + line("`EventIngest.ingest`, batches of 500: parse, check, dedupe, ledger, movements, store stock "
                + "levels", ingest, rounds.stream().map(r -> r[1]).toList(), floor)
                + "\nReplay of one hour of " + STORES + " stores (a heartbeat a minute and a sale every 2 minutes "
                + "per store, flushed every 5 minutes), every batch posted twice (the second time in shuffled order) "
                + "by " + REPLAY_THREADS + " threads:\n\n"
                + "| events | posts | ACCEPTED | DUPLICATE | REJECTED | ledger rows | sale rows | duplicates counted "
                + "| seconds | events posted/s |\n|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n"
                + String.format(Locale.ROOT, "| %,d | %,d | %,d | %,d | %,d | %,d | %,d | %d | %.1f | %,.0f |%n",
                replay.events(), replay.posts(), replay.accepted(), replay.duplicate(), replay.rejected(),
                replay.ledgerRows(), replay.saleRows(), replay.ledgerRows() - replay.events(), replay.seconds(),
                2.0 * replay.events() / replay.seconds())
                + "\n\"duplicates counted\": ledger rows beyond the distinct events sent (the run fails unless it is 0 "
                + "and the stores' level sum is minus the number of sales).\n";
    }

    private static String line(String what, double median, List<Double> all, double floor) {
        return String.format(Locale.ROOT, "| %s | %,.0f | %,.0f – %,.0f | %.1f %% |%n", what, median,
                all.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                all.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), 100 * median / floor);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double rate(int events, long startNanos) {
        return events / ((System.nanoTime() - startNanos) / 1e9);
    }

    private static void expectAll(List<EventResult> results, EventStatus status) {
        for (EventResult result : results) {
            if (result.status() != status) {
                throw new IllegalStateException("expected " + status + ": " + result);
            }
        }
    }

    private static byte[] body(List<String> events) {
        return ("{\"events\":[" + String.join(",", events) + "]}").getBytes(StandardCharsets.UTF_8);
    }

    private static String sale(String id, Instant at, String sku) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"SALE\",\"occurredAt\":\"" + offset(at) + "\",\"receiptNo\":\"R-"
                + id + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"qty\":1,\"amountFen\":1990}]}";
    }

    private static String offset(Instant at) {
        return at.atOffset(ZoneOffset.ofHours(8)).toString();
    }

    /** A retailer with 200 stores and 100 duty-paid SKUs, written in SQL; one till per store. */
    private record Shop(TenantId tenant, List<String> stores, List<String> skus) {

        static Shop create(BenchDatabase db) {
            TenantId tenant = TenantId.of(db.newMerchant());
            String now = SqlInstants.text(Instant.now());
            List<String> stores = new ArrayList<>();
            for (int i = 0; i < STORES; i++) {
                String code = String.format(Locale.ROOT, "S%03d", i);
                db.sql("INSERT INTO stores (id, tenant_id, code, name, kind, address, district_code, warehouse_code, "
                        + "created_at, updated_at) VALUES (?, ?, ?, 'till shop', 'CONVENIENCE_STORE', 'x', '440305', ?, ?, ?)",
                        UUID.randomUUID().toString(), tenant.value(), code, BenchDatabase.WAREHOUSE, now, now);
                stores.add(code);
            }
            List<String> skus = new ArrayList<>();
            for (int i = 0; i < SKUS; i++) {
                String sku = String.format(Locale.ROOT, "DP-%04d", i);
                db.sql("INSERT INTO products (id, tenant_id, sku, name_zh, brand, category_path, hs_code, origin_country, "
                        + "unit, unit1, qty1_per_unit, gross_weight_kg, net_weight_kg, vat_rate, consumption_tax_rate, "
                        + "trade_mode, warehouse_code, price_fen, image_ids, created_at, updated_at) VALUES (?, ?, ?, "
                        + "'样品', 'brand', '食品/零食', '1901101000', '601', '122', '035', 0.9, 1.2, 0.9, 0.13, 0, "
                        + "'GENERAL', ?, 1990, '', ?, ?)", UUID.randomUUID().toString(), tenant.value(), sku,
                        BenchDatabase.WAREHOUSE, now, now);
                skus.add(sku);
            }
            return new Shop(tenant, stores, skus);
        }

        IngestingDevice device(int store) {
            return new IngestingDevice(tenant, String.format(Locale.ROOT, "dk_bench%05d", store), stores.get(store));
        }

        String sku(Random random) {
            return skus.get(random.nextInt(skus.size()));
        }
    }
}
