package io.vitrine.kernel.jobs.infra;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The runner's own short transactions. Always new ones: a handler may call progress from inside
 * its own transaction, and progress must show (and a claim commit) whatever the handler's fate.
 */
final class JobSql {

    private static final TransactionDefinition OWN = TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW);

    private final TransactionOperations<Connection> transactions;

    JobSql(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    <T> T inOwnTransaction(Work<T> work) {
        return transactions.execute(OWN, status -> {
            try {
                return work.run(status.getConnection());
            } catch (SQLException e) {
                throw new IllegalStateException("jobs SQL failed: " + e.getMessage(), e);
            }
        });
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
