package io.vitrine.oversight.stats.infra;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.persistence.infra.TransactionalSql;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * Hand-written SQL (H2 in MySQL mode and MariaDB) of the statistics, on the connection of the caller's transaction.
 * Values bind by position as the kernel's {@link TransactionalSql} binds them ({@link LocalDate} as a DATE,
 * {@code byte[]} as bytes). No tenant filter is added: each statement carries its own.
 */
@Singleton
class StatsSql {

    @FunctionalInterface
    interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private final TransactionalSql statements;

    StatsSql(TransactionOperations<Connection> transactions) {
        this.statements = new TransactionalSql(transactions, "the statistics");
    }

    /** Hands each row of the query to the reader, in order. */
    void each(String sql, List<?> values, RowReader reader) {
        statements.each(sql, values, reader::read);
    }

    int execute(String sql, List<?> values) {
        return statements.execute(sql, values);
    }
}
