package io.vitrine.kernel.jobs;

import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.testing.KernelContexts;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** The job tests' handlers. */
final class TestJobHandlers {

    static final String ITEMS = "test.items";
    static final String ALWAYS_FAILS = "test.always-fails";
    static final String REFUSES = "test.refuses";

    /** Set in a child JVM: the items handler halts the JVM right after the effect of this item committed. */
    static final String HALT_ON_ITEM = "vitrine.test.halt-on-item";
    static final int HALTED = 3;

    static final String EFFECTS_TABLE = "CREATE TABLE IF NOT EXISTS test_job_effects ("
            + "job_id CHAR(36) NOT NULL, item INT NOT NULL, seen_tenant VARCHAR(36) NULL)";

    private TestJobHandlers() {
    }

    static void createEffectsTable(TransactionOperations<Connection> transactions) {
        transactions.executeWrite(status -> {
            try (Statement ddl = status.getConnection().createStatement()) {
                ddl.execute(EFFECTS_TABLE);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
    }

    /**
     * Works through {@code items=N} items, each an idempotent effect row in its own transaction (an item
     * already there is skipped, as a real import upserts by business key). Every {@code errorEvery}-th item
     * is refused with an error; after {@code pauseAfter} items it waits at its gate (flushing first if
     * {@code flushBeforePause=true}).
     */
    @Singleton
    @Requires(property = KernelContexts.FIXTURES, value = "true")
    static class Items implements JobHandler {
        private final JobLog log;
        private final TransactionOperations<Connection> transactions;

        Items(JobLog log, TransactionOperations<Connection> transactions) {
            this.log = log;
            this.transactions = transactions;
        }

        @Override
        public String kind() {
            return ITEMS;
        }

        @Override
        public void run(JobRun run) throws Exception {
            log.enter(run.jobId());
            try {
                Map<String, String> options = options(run.input().parameters());
                int items = Integer.parseInt(options.getOrDefault("items", "10"));
                int errorEvery = Integer.parseInt(options.getOrDefault("errorEvery", "0"));
                int pauseAfter = Integer.parseInt(options.getOrDefault("pauseAfter", "0"));
                Integer haltOn = Integer.getInteger(HALT_ON_ITEM);
                run.total(items);
                for (int item = 1; item <= items; item++) {
                    if (errorEvery > 0 && item % errorEvery == 0) {
                        run.recordError((long) item + 1, "sku", "GTIN_CHECK_DIGIT: check digit does not match");
                        run.advance(0, 1);
                    } else {
                        applyOnce(run.jobId(), item);
                        if (haltOn != null && item == haltOn) {
                            Runtime.getRuntime().halt(HALTED); // a crash: no rollback, no hooks, no goodbye
                        }
                        run.advance(1, 0);
                    }
                    if (item == pauseAfter) {
                        if (Boolean.parseBoolean(options.get("flushBeforePause"))) {
                            run.flush();
                        }
                        log.pause(run.jobId());
                    }
                }
                run.message(items + " items");
            } finally {
                log.exit(run.jobId());
            }
        }

        private void applyOnce(String jobId, int item) {
            String tenant = TenantContext.current().map(TenantId::value).orElse(null);
            transactions.executeWrite(status -> {
                Connection connection = status.getConnection();
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT COUNT(*) FROM test_job_effects WHERE job_id = ? AND item = ?")) {
                    select.setString(1, jobId);
                    select.setInt(2, item);
                    try (ResultSet row = select.executeQuery()) {
                        row.next();
                        if (row.getInt(1) > 0) {
                            return null;
                        }
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO test_job_effects (job_id, item, seen_tenant) VALUES (?, ?, ?)")) {
                    insert.setString(1, jobId);
                    insert.setInt(2, item);
                    insert.setString(3, tenant);
                    insert.executeUpdate();
                }
                return null;
            });
        }

        private static Map<String, String> options(String parameters) {
            Map<String, String> options = new HashMap<>();
            if (parameters != null) {
                for (String pair : parameters.split(",")) {
                    String[] kv = pair.split("=", 2);
                    options.put(kv[0].trim(), kv.length > 1 ? kv[1].trim() : "");
                }
            }
            return options;
        }
    }

    @Singleton
    @Requires(property = KernelContexts.FIXTURES, value = "true")
    static class AlwaysFails implements JobHandler {
        private final JobLog log;

        AlwaysFails(JobLog log) {
            this.log = log;
        }

        @Override
        public String kind() {
            return ALWAYS_FAILS;
        }

        @Override
        public void run(JobRun run) {
            log.enter(run.jobId());
            try {
                run.total(3);
                run.advance(1, 0);
                throw new IllegalStateException("the search engine is away");
            } finally {
                log.exit(run.jobId());
            }
        }
    }

    @Singleton
    @Requires(property = KernelContexts.FIXTURES, value = "true")
    static class Refuses implements JobHandler {
        private final JobLog log;

        Refuses(JobLog log) {
            this.log = log;
        }

        @Override
        public String kind() {
            return REFUSES;
        }

        @Override
        public void run(JobRun run) {
            log.enter(run.jobId());
            try {
                throw InvalidInputException.of("file", "row 1: the header misses the required column gtin");
            } finally {
                log.exit(run.jobId());
            }
        }
    }
}
