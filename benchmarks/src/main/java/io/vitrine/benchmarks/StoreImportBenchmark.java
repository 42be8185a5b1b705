package io.vitrine.benchmarks;

import io.vitrine.kernel.jobs.Job;
import io.vitrine.kernel.jobs.JobStatus;
import io.vitrine.kernel.jobs.Jobs;
import io.vitrine.kernel.jobs.infra.JobRunner;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;
import io.vitrine.tenants.stores.provisioning.StoreImport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Time to import a 2000-store CSV with one kiosk and one POS per store (issue #3 "Measure"), on embedded
 * H2 and on MariaDB as in cluster mode: the first import into a retailer that has nothing, and the same
 * file again (which must change nothing), against the floor of a plain batched JDBC INSERT of the same
 * 2000 store rows in one transaction on the same database.
 *
 * <p>One operation is one whole import, timed from the upload ({@code StoreImport.submit}: the file kept,
 * the job queued) to the job's end ({@code JobRunner.runDue} on this thread: read, checked, committed in
 * batches of 100, devices registered, credentials sealed into the result file). HTTP is not measured.
 * Each iteration works on a new retailer; its outcome is checked after it (2000 stores, 4000 devices, job
 * SUCCEEDED), so a fast failure can never pass for a fast import.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
@Warmup(iterations = 4)
@Measurement(iterations = 5)
public class StoreImportBenchmark {

    static final int STORES = 2000;
    static final byte[] FILE = storeFile();

    @State(Scope.Benchmark)
    public static class Database {
        @Param({"h2", "mariadb"})
        public String database;
        BenchDatabase db;

        @Setup(Level.Trial)
        public void start() {
            db = BenchDatabase.start(database);
        }

        @TearDown(Level.Trial)
        public void stop() {
            db.close();
        }

        /** Uploads the file as the retailer's admin and runs the job to its end. */
        Job importFile(String merchant) {
            TenantId tenant = TenantId.of(merchant);
            Actor admin = Actor.staff("bench-staff", "bench-admin", StaffRole.RETAILER_ADMIN, tenant);
            String jobId = TenantContext.callAs(tenant, () -> db.context().getBean(StoreImport.class)
                    .submit(admin, "stores.csv", "text/csv", new ByteArrayInputStream(FILE)));
            db.context().getBean(JobRunner.class).runDue();
            return TenantContext.callAs(tenant, () -> db.context().getBean(Jobs.class).find(jobId)).orElseThrow();
        }

        void expect(String merchant, Job job, long devices) {
            if (job.status() != JobStatus.SUCCEEDED || job.done() != STORES || job.failed() != 0) {
                throw new IllegalStateException("the import did not succeed: " + job.status() + ", " + job.message());
            }
            long stores = db.count("SELECT COUNT(*) FROM stores WHERE tenant_id = ?", merchant);
            long made = db.count("SELECT COUNT(*) FROM devices WHERE tenant_id = ?", merchant);
            if (stores != STORES || made != devices) {
                throw new IllegalStateException(stores + " stores and " + made + " devices after the import");
            }
        }
    }

    /** A retailer with nothing yet, for the first import. */
    @State(Scope.Thread)
    public static class NewRetailer {
        String merchant;
        Job job;

        @Setup(Level.Iteration)
        public void create(Database database) {
            merchant = database.db.newMerchant();
        }

        @TearDown(Level.Iteration)
        public void check(Database database) {
            database.expect(merchant, job, 2L * STORES);
        }
    }

    /** A retailer that imported the file already (untimed), for the import that must change nothing. */
    @State(Scope.Thread)
    public static class ImportedRetailer {
        String merchant;
        Job job;

        @Setup(Level.Iteration)
        public void importOnce(Database database) {
            merchant = database.db.newMerchant();
            database.expect(merchant, database.importFile(merchant), 2L * STORES);
        }

        @TearDown(Level.Iteration)
        public void check(Database database) {
            database.expect(merchant, job, 2L * STORES);
            if (!job.message().contains("0 stores created, 0 changed, " + STORES + " unchanged")
                    || job.resultFileId() != null) {
                throw new IllegalStateException("the second import changed something: " + job.message());
            }
        }
    }

    /** A tenant for the floor's rows. */
    @State(Scope.Thread)
    public static class EmptyTenant {
        String merchant;

        @Setup(Level.Iteration)
        public void create(Database database) {
            merchant = database.db.newMerchant();
        }

        @TearDown(Level.Iteration)
        public void check(Database database) {
            long stores = database.db.count("SELECT COUNT(*) FROM stores WHERE tenant_id = ?", merchant);
            if (stores != STORES) {
                throw new IllegalStateException(stores + " store rows inserted");
            }
        }
    }

    @Benchmark
    public int[] plainBatchedInsert(Database database, EmptyTenant tenant) {
        String now = Instant.now().toString().replace('T', ' ').replace("Z", "");
        return database.db.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO stores (id, tenant_id, code, name, kind, "
                    + "address, district_code, lat, lng, warehouse_code, created_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, 'CONVENIENCE_STORE', '1 Qianhai Rd', '440305', 22.543096, 113.934021, ?, ?, ?)")) {
                for (int i = 1; i <= STORES; i++) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, tenant.merchant);
                    insert.setString(3, code(i));
                    insert.setString(4, "Store " + code(i));
                    insert.setString(5, BenchDatabase.WAREHOUSE);
                    insert.setString(6, now);
                    insert.setString(7, now);
                    insert.addBatch();
                }
                return insert.executeBatch();
            }
        });
    }

    @Benchmark
    public Job firstImport(Database database, NewRetailer retailer) {
        return retailer.job = database.importFile(retailer.merchant);
    }

    @Benchmark
    public Job reimport(Database database, ImportedRetailer retailer) {
        return retailer.job = database.importFile(retailer.merchant);
    }

    private static String code(int i) {
        return String.format("S%05d", i);
    }

    /** 2000 convenience stores, one kiosk and one POS each: about 150 kB of CSV. */
    private static byte[] storeFile() {
        StringBuilder csv = new StringBuilder("code,name,kind,address,district,lat,lng,warehouseCode,kiosks,pos\r\n");
        for (int i = 1; i <= STORES; i++) {
            csv.append(code(i)).append(",Store ").append(code(i)).append(",CONVENIENCE_STORE,1 Qianhai Rd,440305,")
                    .append("22.543096,113.934021,").append(BenchDatabase.WAREHOUSE).append(",1,1\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
