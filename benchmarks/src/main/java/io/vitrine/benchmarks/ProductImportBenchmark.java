package io.vitrine.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.vitrine.catalog.transfer.ProductColumns;
import io.vitrine.catalog.transfer.ProductImport;
import io.vitrine.kernel.jobs.Job;
import io.vitrine.kernel.jobs.JobStatus;
import io.vitrine.kernel.jobs.Jobs;
import io.vitrine.kernel.jobs.infra.JobRunner;
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

    static String report(String machine) throws IOException {
        List<Run> runs = new ArrayList<>();
        String database = System.getProperty("vitrine.bench.database", "mariadb");
        Path folder = Files.createTempDirectory("vitrine-product-bench-");
        // the application's limits (api application.yml): files in the database in chunks (mariadb), local (h2)
        try (BenchDatabase db = BenchDatabase.start(database, Map.of(
                "vitrine.files.categories.tabular.max-size", "64MB"))) {
            for (int rows : ROW_COUNTS) {
                for (TabularFormat format : TabularFormat.values()) {
                    Path file = folder.resolve("products-" + rows + "." + format.extension());
                    write(file, format, db.context().getBean(TabularWriter.class), rows);
                    String merchant = db.newMerchant();
                    runs.add(timed(db, merchant, file, format, "first import", rows));
                    expect(db, merchant, runs.get(runs.size() - 1), rows + " rows: " + rows + " products created, 0 changed");
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
        return markdown(runs, database, machine);
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
                .append("with audit entries and outbox events; the search index is not fed here — the outbox is not polled). ")
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
