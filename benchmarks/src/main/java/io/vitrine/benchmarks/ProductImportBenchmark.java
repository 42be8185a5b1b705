package io.vitrine.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.vitrine.catalog.search.CatalogSearch;
import io.vitrine.catalog.search.SearchQuery;
import io.vitrine.catalog.transfer.ProductColumns;
import io.vitrine.catalog.transfer.ProductImport;
import io.vitrine.kernel.jobs.Job;
import io.vitrine.kernel.jobs.JobStatus;
import io.vitrine.kernel.jobs.Jobs;
import io.vitrine.kernel.jobs.infra.JobRunner;
import io.vitrine.kernel.outbox.infra.OutboxDispatcher;
import io.vitrine.kernel.tabular.TabularFormat;
import io.vitrine.kernel.tabular.TabularWriter;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput of the product import (issue #4 "Measure": import throughput, rows/s) on 10,000 and 100,000 generated rows,
 * as CSV and as XLSX, on MariaDB as in cluster mode. Not JMH: one import of 100,000 rows takes minutes, so each
 * is timed once, whole — the upload ({@code ProductImport.submit}: the file kept) and the job run to its end on
 * this thread ({@code JobRunner.runDue()}): the file read twice (the whole-file check and count, then the rows),
 * every row checked by the API's rules, upserted by SKU in batches of 500 with its audit entry and outbox event.
 * Then the same file again into the same retailer: every row unchanged (no write, no event). After each run the
 * outcome is checked (job SUCCEEDED, every row done, the products counted, the message's counts), so a fast
 * failure never passes for a fast import.
 *
 * <p>Heap: "peak heap" is the sum of the heap pools' peaks during the run (garbage included: an upper bound);
 * "live after GC" the largest heap in use right after a collection during the run — what the import really
 * holds. A file held in memory would show in the latter.
 */
final class ProductImportBenchmark {

    /** Row counts measured, e.g. {@code -Dvitrine.bench.product-rows=10000,100000} ({@code ./vitrine bench product-import --rows}). */
    static final List<Integer> ROW_COUNTS = Arrays.stream(System.getProperty("vitrine.bench.product-rows", "10000,100000")
            .split(",")).map(String::strip).map(Integer::valueOf).toList();
    /** {@code -Dvitrine.bench.product-formats=csv} for the CSV runs (and the feed) alone */
    private static final List<TabularFormat> FORMATS = Arrays.stream(TabularFormat.values())
            .filter(f -> System.getProperty("vitrine.bench.product-formats", "csv,xlsx").contains(f.extension())).toList();
    private static final String[] CATEGORIES = {"母婴/奶粉/婴儿奶粉", "母婴/纸尿裤", "美妆/护肤/面霜", "美妆/彩妆/口红",
            "保健/维生素", "食品/零食/巧克力", "食品/饮料/咖啡", "个护/口腔护理"};
    private static final String[] BRANDS = {"a2", "Swisse", "花王 Kao", "Estée Lauder", "雪花秀 Sulwhasoo", "Blackmores"};

    private ProductImportBenchmark() {
    }

    /** One measured import. */
    record Run(String format, String kind, int rows, long fileBytes, double seconds, long peakHeapBytes,
               long liveAfterGcBytes, String message) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    /**
     * The search feed catching up after the first CSV import: from the import's end (every batch committed, one
     * {@code ProductChanged} each) until a search of the retailer counts every product. The outbox is dispatched on
     * this thread as the after-commit wake-up would, round after round until nothing is due, while another thread
     * polls the search (no explicit refresh: the engine's own refresh interval, as in production).
     */
    record Feed(String engine, long documents, double seconds) {
        double documentsPerSecond() {
            return documents / seconds;
        }
    }

    static String report(String machine) throws IOException {
        List<Run> runs = new ArrayList<>();
        String database = System.getProperty("vitrine.bench.database", "mariadb");
        String esUrl = System.getenv("VITRINE_BENCH_ES_URL");
        String engine = esUrl == null ? "lucene" : "elasticsearch";
        // the application's limits (api application.yml): files in the database in chunks (mariadb), local (h2)
        Map<String, Object> properties = new java.util.HashMap<>(Map.of("vitrine.files.categories.tabular.max-size", "64MB"));
        if (esUrl != null) {
            // the feed into the Elasticsearch node of VITRINE_BENCH_ES_URL, in an index of its own
            properties.put("vitrine.search.backend", "elasticsearch");
            properties.put("elasticsearch.httpHosts", esUrl);
            properties.put("vitrine.search.elasticsearch.index", "vt-bench-feed-" + Long.toString(System.currentTimeMillis(), 36));
            properties.put("vitrine.search.elasticsearch.replicas", 0);
        }
        Feed feed = null;
        Path folder = Files.createTempDirectory("vitrine-product-bench-");
        try (BenchDatabase db = BenchDatabase.start(database, properties)) {
            for (int rows : ROW_COUNTS) {
                for (TabularFormat format : FORMATS) {
                    Path file = folder.resolve("products-" + rows + "." + format.extension());
                    write(file, format, db.context().getBean(TabularWriter.class), rows);
                    String merchant = db.newMerchant();
                    runs.add(timed(db, merchant, file, format, "first import", rows));
                    expect(db, merchant, runs.get(runs.size() - 1), rows + " rows: " + rows + " products created, 0 changed");
                    if (feed == null) {
                        feed = feed(db, engine, TenantId.of(merchant), rows);
                        System.out.println(feed);
                    }
                    runs.add(timed(db, merchant, file, format, "same file again", rows));
                    expect(db, merchant, runs.get(runs.size() - 1), rows + " rows: 0 products created, 0 changed, " + rows
                            + " unchanged");
                    System.out.println(runs.get(runs.size() - 2) + "\n" + runs.get(runs.size() - 1));
                    Files.delete(file);
                }
            }
        } finally {
            try (var paths = Files.walk(folder)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return markdown(runs, database, machine) + feedMarkdown(feed);
    }

    private static Feed feed(BenchDatabase db, String engine, TenantId tenant, int rows) {
        CatalogSearch search = db.context().getBean(CatalogSearch.class);
        OutboxDispatcher dispatcher = db.context().getBean(OutboxDispatcher.class);
        long started = System.nanoTime();
        Thread dispatch = new Thread(() -> {
            while (db.count("SELECT COUNT(*) FROM outbox_deliveries d JOIN outbox_events e ON e.id = d.event_id "
                    + "WHERE d.status = 'PENDING' AND e.tenant_id = ?", tenant.value()) > 0) {
                dispatcher.dispatchDue();
            }
        }, "bench-feed-dispatch");
        dispatch.start();
        long deadline = started + java.util.concurrent.TimeUnit.MINUTES.toNanos(60);
        while (search.search(tenant, SearchQuery.builder().size(1).build()).total() < rows) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the search feed did not index " + rows + " products within an hour");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        try {
            dispatch.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Feed(engine, rows, seconds);
    }

    private static String feedMarkdown(Feed feed) {
        return new StringBuilder("\n## Search feed: from the import's end until every product is searchable\n\n")
                .append("After the first CSV import (one `ProductChanged` event per product, committed), the outbox is ")
                .append("dispatched on one thread until nothing is due while another polls a search of the retailer every ")
                .append("20 ms until it counts every product (no explicit refresh). Engine: ").append(feed.engine())
                .append(" (Elasticsearch: the node of `VITRINE_BENCH_ES_URL`, 1 shard, 0 replicas).\n\n")
                .append("| engine | products | seconds | docs/s |\n|---|---:|---:|---:|\n")
                .append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %,.1f |%n", feed.engine(), feed.documents(),
                        feed.seconds(), feed.documentsPerSecond()))
                .toString();
    }

    private static Run timed(BenchDatabase db, String merchant, Path file, TabularFormat format, String kind, int rows)
            throws IOException {
        TenantId tenant = TenantId.of(merchant);
        Actor admin = Actor.staff("bench-staff", "bench-admin", StaffRole.RETAILER_ADMIN, tenant);
        System.gc();
        HeapWatch heap = HeapWatch.start();
        long started = System.nanoTime();
        String jobId;
        try (InputStream content = Files.newInputStream(file)) {
            jobId = TenantContext.callAs(tenant, () -> db.context().getBean(ProductImport.class)
                    .submit(admin, file.getFileName().toString(), format.contentType(), content));
        }
        db.context().getBean(JobRunner.class).runDue();
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] memory = heap.stop();
        Job job = TenantContext.callAs(tenant, () -> db.context().getBean(Jobs.class).find(jobId)).orElseThrow();
        if (job.status() != JobStatus.SUCCEEDED || job.done() != rows || job.failed() != 0) {
            throw new IllegalStateException("the import did not succeed: " + job.status() + ", done " + job.done()
                    + ", failed " + job.failed() + ": " + job.message() + " " + job.errors());
        }
        return new Run(format.extension(), kind, rows, Files.size(file), seconds, memory[0], memory[1], job.message());
    }

    private static void expect(BenchDatabase db, String merchant, Run run, String message) {
        long products = db.count("SELECT COUNT(*) FROM products WHERE tenant_id = ?", merchant);
        if (products != run.rows() || !run.message().startsWith(message)) {
            throw new IllegalStateException(products + " products; the job said: " + run.message());
        }
    }

    /** {@code rows} products of a bonded warehouse, with every column the export writes. */
    static void write(Path file, TabularFormat format, TabularWriter writer, int rows) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            if (format == TabularFormat.CSV) {
                try (BufferedWriter csv = new BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8))) {
                    csv.write(String.join(",", ProductColumns.HEADER));
                    csv.write("\r\n");
                    for (int i = 1; i <= rows; i++) {
                        csv.write(String.join(",", cells(i).stream().map(c -> c == null ? "" : c).toList()));
                        csv.write("\r\n");
                    }
                }
            } else {
                try (TabularWriter.TabularSheet sheet = writer.open(out, format, ProductColumns.HEADER)) {
                    for (int i = 1; i <= rows; i++) {
                        sheet.row(cells(i));
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static List<String> cells(int i) {
        String n = String.format(Locale.ROOT, "%06d", i);
        return Arrays.asList("P" + n, gtin(i), "跨境商品 " + n + " 900g", "Cross-border item " + n,
                BRANDS[i % BRANDS.length], CATEGORIES[i % CATEGORIES.length], "1901101000", "R" + n, "601", "122", "035",
                "0.9", null, null, "1.2", "0.9", "0.13", "0", "0.15", "1210", BenchDatabase.WAREHOUSE,
                Long.toString(1_000 + i % 100_000), null, "保税仓发货 " + n, null);
    }

    /** An EAN-13 "69" + the row number, with its check digit. */
    private static String gtin(int i) {
        String body = "69" + String.format(Locale.ROOT, "%010d", i);
        int sum = 0;
        for (int k = 0; k < 12; k++) {
            sum += (body.charAt(k) - '0') * (k % 2 == 0 ? 1 : 3);
        }
        return body + (10 - sum % 10) % 10;
    }

    private static String markdown(List<Run> runs, String database, String machine) {
        StringBuilder table = new StringBuilder("# Product import: throughput\n\n")
                .append("Measured ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append(" by `./vitrine bench product-import`: ").append(ROW_COUNTS)
                .append(" generated products per file, each import timed once, whole (upload kept, then the job run on one ")
                .append("thread: file checked and counted, rows validated by the API's rules and upserted in batches of 500 ")
                .append("with audit entries and outbox events; the outbox is not polled during the import: the search feed is timed after the first one, below). ")
                .append("Database: ").append(database).append(database.equals("mariadb")
                        ? " (uploads kept in the database, in chunks, as in cluster mode)" : " (uploads on local disk)")
                .append(". Heap: `-Xmx` ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MB.\n\n")
                .append(machine).append(".\n\n")
                .append("| file | run | rows | file size | seconds | rows/s | peak heap (garbage included) | live heap after GC (max) |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (Run run : runs) {
            table.append(String.format(Locale.ROOT, "| %s | %s | %,d | %.1f MB | %.1f | %,.0f | %,d MB | %,d MB |%n",
                    run.format(), run.kind(), run.rows(), run.fileBytes() / 1048576.0, run.seconds(), run.rowsPerSecond(),
                    run.peakHeapBytes() / 1048576, run.liveAfterGcBytes() / 1048576));
        }
        return table.toString();
    }

    /** Heap pools' peaks and the largest heap left after a collection, between start and stop. */
    private static final class HeapWatch implements NotificationListener {
        private final AtomicLong liveAfterGc = new AtomicLong();
        private final List<NotificationEmitter> emitters = new ArrayList<>();

        static HeapWatch start() {
            HeapWatch watch = new HeapWatch();
            heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(watch, null, null);
                    watch.emitters.add(emitter);
                }
            }
            return watch;
        }

        /** {peak of the pools summed, max live after GC}. */
        long[] stop() {
            for (NotificationEmitter emitter : emitters) {
                try {
                    emitter.removeNotificationListener(this);
                } catch (javax.management.ListenerNotFoundException ignored) {
                    // never added
                }
            }
            long peak = heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            return new long[] {peak, liveAfterGc.get()};
        }

        @Override
        public void handleNotification(Notification notification, Object handback) {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                return;
            }
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            java.util.Set<String> heap = heapPools().stream().map(MemoryPoolMXBean::getName)
                    .collect(java.util.stream.Collectors.toSet());
            long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                    .filter(pool -> heap.contains(pool.getKey())).mapToLong(pool -> pool.getValue().getUsed()).sum();
            liveAfterGc.accumulateAndGet(used, Math::max);
        }

        private static List<MemoryPoolMXBean> heapPools() {
            return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        }
    }
}
