package io.vitrine.benchmarks;

import io.micronaut.context.ApplicationContext;
import io.vitrine.catalog.positivelist.PositiveList;
import io.vitrine.catalog.products.ProductChanged;
import io.vitrine.kernel.outbox.Outbox;
import io.vitrine.kernel.tabular.TabularFormat;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.pos.feed.CatalogChangeLog;
import io.vitrine.pos.feed.CatalogFeed;
import io.vitrine.pos.feed.FeedPage;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The POS catalog feed (pos-integration README "Measured"), in-process on MariaDB (or H2) with the outbox dispatching
 * after commit as the application does: a new device's bootstrap of a {@code --skus} store against the bare SQL
 * that reads the same rows; feed requests of {@code --stores} devices polling with their cursors from
 * {@code --clients} threads (p50/p99); and, per price change, the time until the change is in the log and until
 * every store's device has been served it while all keep polling.
 */
final class PosFeedBenchmark {

    /** Options and their defaults. */
    record Options(String database, int skus, int stores, int storeSkus, int clients, int polls, int changes) {
        static final List<String> KNOWN = List.of("database", "skus", "stores", "store-skus", "clients", "polls", "changes");

        static Options parse(List<String> args) {
            Map<String, String> given = new HashMap<>();
            for (int i = 0; i + 1 < args.size(); i += 2) {
                String name = args.get(i).replaceFirst("^--", "");
                if (!KNOWN.contains(name)) {
                    throw new IllegalArgumentException("unknown option --" + name + " (known: " + KNOWN + ")");
                }
                given.put(name, args.get(i + 1));
            }
            return new Options(given.getOrDefault("database", "mariadb"), number(given, "skus", 10_000),
                    number(given, "stores", 2000), number(given, "store-skus", 20), number(given, "clients", 8),
                    number(given, "polls", 20_000), number(given, "changes", 5));
        }

        private static int number(Map<String, String> given, String name, int fallback) {
            return given.containsKey(name) ? Integer.parseInt(given.get(name)) : fallback;
        }
    }

    private static final String HS_CODE = "1901101000";

    private final Options options;
    private final BenchDatabase db;
    private final CatalogFeed feed;
    private final TenantId tenant;
    private final Map<String, String> cursors = new ConcurrentHashMap<>();

    private PosFeedBenchmark(Options options, BenchDatabase db) {
        this.options = options;
        this.db = db;
        this.feed = db.context().getBean(CatalogFeed.class);
        this.tenant = TenantId.of(db.newMerchant());
    }

    static void main(List<String> args, Path defaultResult) throws Exception {
        Options options = Options.parse(args);
        String loadBefore = Benchmarks.loadAverage();
        try (BenchDatabase db = BenchDatabase.start(options.database(), Map.of(
                "vitrine.outbox.polling-enabled", true, "datasources.default.maximum-pool-size", options.clients() + 4))) {
            String table = new PosFeedBenchmark(options, db).run();
            String report = "# pos-feed\n\n" + table + "\n" + Benchmarks.machine(loadBefore + " before, "
                    + Benchmarks.loadAverage() + " after") + "\n";
            Files.createDirectories(defaultResult.toAbsolutePath().getParent());
            Files.writeString(defaultResult, report, StandardCharsets.UTF_8);
            System.out.println(report);
            System.out.println("written to " + defaultResult);
        }
    }

    private String run() throws Exception {
        List<String> skus = seed();
        StringBuilder table = new StringBuilder("Database " + db.name() + "; " + options.skus() + " SKUs; "
                + options.stores() + " stores of " + options.storeSkus() + " SKUs (store B0 carries all); "
                + options.clients() + " polling threads.\n\n| measure | value |\n|---|---|\n");

        long[] bootstraps = new long[3];
        for (int i = 0; i < bootstraps.length; i++) {
            long start = System.nanoTime();
            int told = drain("B0", null);
            bootstraps[i] = System.nanoTime() - start;
            if (told != options.skus()) {
                throw new IllegalStateException("bootstrap told " + told + " SKUs, not " + options.skus());
            }
        }
        long[] floors = new long[3];
        for (int i = 0; i < floors.length; i++) {
            long start = System.nanoTime();
            bareStoreRead("B0");
            floors[i] = System.nanoTime() - start;
        }
        long bootstrap = median(bootstraps);
        long floor = median(floors);
        row(table, "bootstrap of store B0 (" + options.skus() + " SKUs, pages of 500), median of 3", millis(bootstrap));
        row(table, "floor: one bare SQL read of the same rows (join), median of 3", millis(floor));
        row(table, "bootstrap / floor", String.format("%.1f", (double) bootstrap / floor));

        long start = System.nanoTime();
        for (int s = 1; s < options.stores(); s++) {
            drain("B" + s, null);
        }
        row(table, "bootstrap of the other " + (options.stores() - 1) + " stores, one after the other", millis(System.nanoTime() - start));

        long[] latencies = poll(options.polls());
        row(table, "idle poll (up to date, cursor unchanged), p50", micros(percentile(latencies, 50)));
        row(table, "idle poll, p99", micros(percentile(latencies, 99)));
        row(table, "idle polls per second (" + options.clients() + " threads)", String.format("%.0f",
                options.polls() / (Arrays.stream(latencies).sum() / 1e9 / options.clients())));

        List<Long> logged = new ArrayList<>();
        List<Long> first = new ArrayList<>();
        List<Long> everywhere = new ArrayList<>();
        for (int c = 0; c < options.changes(); c++) {
            long price = 10_000 + c;
            long before = watermark();
            long committed = changePrice(skus.get(0), price);
            while (watermark() == before) {
                Thread.onSpinWait();
            }
            logged.add(System.nanoTime() - committed);
            long[] seen = convergence(skus.get(0), price);
            first.add(seen[0] - committed);
            everywhere.add(seen[1] - committed);
        }
        row(table, "price change committed -> in the log, below the watermark (any store's next poll tells it), median of "
                + options.changes(), millis(median(logged.stream().mapToLong(Long::longValue).toArray())));
        row(table, "price change committed -> first store's feed served it, median",
                millis(median(first.stream().mapToLong(Long::longValue).toArray())));
        row(table, "price change committed -> all " + options.stores() + " stores' feeds served it, median",
                millis(median(everywhere.stream().mapToLong(Long::longValue).toArray())));
        row(table, "... worst of " + options.changes(), millis(everywhere.stream().mapToLong(Long::longValue).max().orElse(0)));
        return table.toString();
    }

    /** Reads a store's feed from {@code cursor} until up to date; remembers its cursor; the number of changes told. */
    private int drain(String store, String cursor) {
        int told = 0;
        FeedPage page;
        String from = cursor;
        do {
            String at = from;
            page = TenantContext.callAs(tenant, () -> feed.page(store, at, 500));
            told += page.changes().size();
            from = page.cursor();
        } while (page.hasMore());
        cursors.put(store, from);
        return told;
    }

    /** {@code count} polls of random stores from the client threads: each poll's latency in nanoseconds. */
    private long[] poll(int count) throws Exception {
        AtomicInteger left = new AtomicInteger(count);
        long[] latencies = new long[count];
        ExecutorService threads = Executors.newFixedThreadPool(options.clients());
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int t = 0; t < options.clients(); t++) {
                clients.add(threads.submit(() -> {
                    int i;
                    while ((i = left.decrementAndGet()) >= 0) {
                        String store = "B" + ThreadLocalRandom.current().nextInt(options.stores());
                        long start = System.nanoTime();
                        drain(store, cursors.get(store));
                        latencies[i] = System.nanoTime() - start;
                    }
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        } finally {
            threads.shutdown();
        }
        return latencies;
    }

    /**
     * Every store's device polls (round robin over the client threads) until it was served the new price: when the
     * first and when the last store saw it (nanoTime).
     */
    private long[] convergence(String sku, long price) throws Exception {
        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(options.clients());
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int t = 0; t < options.clients(); t++) {
                int first = t;
                clients.add(threads.submit(() -> {
                    while (seenAt.size() < options.stores()) {
                        for (int s = first; s < options.stores(); s += options.clients()) {
                            String store = "B" + s;
                            if (!seenAt.containsKey(store) && shows(store, sku, price)) {
                                seenAt.put(store, System.nanoTime());
                            }
                        }
                    }
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        } finally {
            threads.shutdown();
        }
        return new long[] {seenAt.values().stream().mapToLong(Long::longValue).min().orElseThrow(),
                seenAt.values().stream().mapToLong(Long::longValue).max().orElseThrow()};
    }

    private boolean shows(String store, String sku, long price) {
        String at = cursors.get(store);
        FeedPage page = TenantContext.callAs(tenant, () -> feed.page(store, at, 500));
        cursors.put(store, page.cursor());
        return page.changes().stream().anyMatch(change -> change.sku().equals(sku) && change.priceFen() != null
                && change.priceFen() == price);
    }

    private long watermark() {
        CatalogChangeLog log = db.context().getBean(CatalogChangeLog.class);
        return db.inTransaction(connection -> log.watermark(tenant));
    }

    /** What {@code Products.update} does to a price: the row and its event in one transaction; when it committed. */
    private long changePrice(String sku, long price) {
        Outbox outbox = db.context().getBean(Outbox.class);
        db.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE products SET price_fen = ? WHERE tenant_id = ? AND sku = ?")) {
                update.setLong(1, price);
                update.setString(2, tenant.value());
                update.setString(3, sku);
                update.executeUpdate();
            }
            return outbox.publish(new ProductChanged(tenant, sku));
        });
        return System.nanoTime();
    }

    private int bareStoreRead(String store) {
        return db.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT p.sku, p.name_zh, p.name_en, p.brand, "
                    + "p.gtin, p.price_fen, p.vat_rate, s.on_hand FROM store_assortment_skus a JOIN products p ON "
                    + "p.tenant_id = a.tenant_id AND p.sku = a.sku LEFT JOIN stock_levels s ON s.tenant_id = a.tenant_id "
                    + "AND s.sku = a.sku AND s.warehouse_code = ? WHERE a.tenant_id = ? AND a.store_code = ? ORDER BY a.sku")) {
                select.setString(1, BenchDatabase.WAREHOUSE);
                select.setString(2, tenant.value());
                select.setString(3, store);
                int rows = 0;
                try (ResultSet found = select.executeQuery()) {
                    while (found.next()) {
                        rows++;
                    }
                }
                return rows;
            }
        });
    }

    /** The merchant's products, stock, stores and assortments, in SQL batches; the positive list naming the HS code. */
    private List<String> seed() {
        ApplicationContext context = db.context();
        context.getBean(PositiveList.class).replace(Actor.staff("bench", "bench", StaffRole.PLATFORM_ADMIN, null),
                new ByteArrayInputStream(("hsCode\n" + HS_CODE + "\n").getBytes(StandardCharsets.UTF_8)), TabularFormat.CSV);
        String now = Instant.now().toString().replace('T', ' ').replace("Z", "");
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < options.skus(); i++) {
            skus.add(String.format("PF-%06d", i));
        }
        batch("INSERT INTO products (id, tenant_id, sku, name_zh, name_en, brand, category_path, hs_code, origin_country, "
                + "unit, unit1, qty1_per_unit, gross_weight_kg, net_weight_kg, vat_rate, consumption_tax_rate, trade_mode, "
                + "warehouse_code, price_fen, image_ids, created_at, updated_at) VALUES (?, ?, ?, '澳洲 A2 婴儿配方奶粉 900g', "
                + "'A2 infant formula 900g', 'a2', '母婴/奶粉', '" + HS_CODE + "', '601', '122', '035', 0.9, 1.2, 0.9, 0.13, 0, "
                + "'1210', ?, 29900, '', ?, ?)", skus.stream().map(sku -> new Object[] {UUID.randomUUID().toString(),
                tenant.value(), sku, BenchDatabase.WAREHOUSE, now, now}).toList());
        batch("INSERT INTO stock_levels (id, tenant_id, warehouse_code, sku, on_hand, reserved, updated_at) "
                + "VALUES (?, ?, ?, ?, 100, 0, ?)", skus.stream().map(sku -> new Object[] {UUID.randomUUID().toString(),
                tenant.value(), BenchDatabase.WAREHOUSE, sku, now}).toList());
        List<Object[]> stores = new ArrayList<>();
        List<Object[]> assorted = new ArrayList<>();
        for (int s = 0; s < options.stores(); s++) {
            String code = "B" + s;
            stores.add(new Object[] {UUID.randomUUID().toString(), tenant.value(), code, BenchDatabase.WAREHOUSE, now, now});
            for (String sku : s == 0 ? skus : skus.subList(0, Math.min(options.storeSkus(), skus.size()))) {
                assorted.add(new Object[] {UUID.randomUUID().toString(), tenant.value(), code, sku, now});
            }
        }
        batch("INSERT INTO stores (id, tenant_id, code, name, kind, address, district_code, warehouse_code, created_at, "
                + "updated_at) VALUES (?, ?, ?, 'store', 'CONVENIENCE_STORE', 'x', '440305', ?, ?, ?)", stores);
        batch("INSERT INTO store_assortment_skus (id, tenant_id, store_code, sku, added_at) VALUES (?, ?, ?, ?, ?)", assorted);
        return skus;
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += 1000) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + 1000));
            db.inTransaction((Connection connection) -> {
                try (PreparedStatement insert = connection.prepareStatement(sql)) {
                    for (Object[] row : chunk) {
                        for (int i = 0; i < row.length; i++) {
                            insert.setObject(i + 1, row[i]);
                        }
                        insert.addBatch();
                    }
                    return insert.executeBatch().length;
                } catch (SQLException e) {
                    throw new IllegalStateException(sql, e);
                }
            });
        }
    }

    private static void row(StringBuilder table, String measure, String value) {
        table.append("| ").append(measure).append(" | ").append(value).append(" |\n");
    }

    private static long median(long[] values) {
        return percentile(values, 50);
    }

    private static long percentile(long[] values, int percent) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private static String millis(long nanos) {
        return String.format("%.1f ms", nanos / 1e6);
    }

    private static String micros(long nanos) {
        return String.format("%.0f µs", nanos / 1e3);
    }
}
