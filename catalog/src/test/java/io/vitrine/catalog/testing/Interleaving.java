package io.vitrine.catalog.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Two writers made to overlap in one exact order, without sleeping: the first runs inside a transaction the test
 * keeps open; the second starts on another thread and runs until it finishes or waits for a row lock (the
 * database says so: H2's {@code SESSIONS.BLOCKER_ID}; MariaDB's {@code INNODB_TRX}, or a statement of the test's
 * database still running after a second while the first sleeps); only then does the first
 * commit. Without a lock in common the second finishes while the first is still uncommitted — the race the
 * locks exist to close — so a test asserting on the outcome fails without them, every time.
 */
public final class Interleaving {

    private final TransactionOperations<Connection> transactions;

    @SuppressWarnings("unchecked")
    public Interleaving(ApplicationContext context) {
        this.transactions = context.getBean(TransactionOperations.class);
    }

    /**
     * Runs {@code first} in an open transaction of the tenant, then {@code second} on another thread until it
     * finishes or waits for a lock, then commits the first and answers how the second ended.
     */
    public <T> Outcome<T> firstHoldsThenSecond(TenantId tenant, Runnable first, Supplier<T> second) throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<T> racing = transactions.executeWrite(status -> {
                TenantContext.callAs(tenant, () -> {
                    first.run();
                    return null;
                });
                Future<T> started = other.submit((Callable<T>) () -> TenantContext.callAs(tenant, second::get));
                awaitDoneOrWaiting(started);
                return started;
            });
            try {
                return new Outcome<>(racing.get(2, TimeUnit.MINUTES), null);
            } catch (ExecutionException e) {
                return new Outcome<>(null, e.getCause());
            }
        } finally {
            other.shutdownNow();
        }
    }

    private void awaitDoneOrWaiting(Future<?> second) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!second.isDone() && !someoneWaitsForALock()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the second writer neither finished nor waited for a lock");
            }
            Thread.sleep(5);
        }
    }

    /** Read on a connection of its own, outside the held transaction. */
    private boolean someoneWaitsForALock() {
        return transactions.execute(TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW), status -> {
            try {
                Connection connection = status.getConnection();
                boolean h2 = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("h2");
                String sql = h2
                        ? "SELECT COUNT(*) FROM information_schema.sessions WHERE blocker_id IS NOT NULL"
                        // MariaDB 10.11 does not always show a waiting transaction as LOCK WAIT (seen: waiting on
                        // a row another transaction deleted, shown RUNNING): a statement of this database that has
                        // run for a second while the first writer sleeps uncommitted is waiting for it, too
                        : "SELECT (SELECT COUNT(*) FROM information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p "
                        + "ON p.ID = t.trx_mysql_thread_id WHERE t.trx_state = 'LOCK WAIT' AND p.DB = DATABASE()) "
                        + "+ (SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = DATABASE() "
                        + "AND ID <> CONNECTION_ID() AND COMMAND = 'Query' AND TIME >= 1)";
                try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
                    rows.next();
                    return rows.getInt(1) > 0;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** How the second writer ended: its answer, or what it threw. */
    public record Outcome<T>(T value, Throwable failure) {
    }
}
