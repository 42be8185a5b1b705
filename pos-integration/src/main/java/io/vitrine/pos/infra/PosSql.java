package io.vitrine.pos.infra;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.persistence.infra.TransactionalSql;
import io.vitrine.kernel.time.infra.SqlInstants;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Hand-written SQL of the POS adapters, through the kernel's {@link TransactionalSql} (the caller's transaction;
 * values bind by position, instants as the UTC text of {@link SqlInstants}). Writes of many rows go as one JDBC batch.
 * It adds no tenant filter: every statement filters by tenant itself. A refused statement surfaces as
 * {@link SqlRefusedException} keeping the SQLState, so a use case can tell a lost race (23…, 40…) from a fault.
 */
@Singleton
public class PosSql {

    /** Maps the current row of a result. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final TransactionalSql statements;

    public PosSql(TransactionOperations<Connection> transactions) {
        this.statements = new TransactionalSql(transactions, "POS tables");
    }

    /** Every row the query returns, mapped, in the query's order. */
    public <T> List<T> query(String sql, RowMapper<T> mapper, List<?> values) {
        return refusedAs(sql, () -> statements.query(sql, mapper::map, values));
    }

    /** One statement, the rows it changed. */
    public int execute(String sql, List<?> values) {
        return refusedAs(sql, () -> statements.execute(sql, values));
    }

    /** The same statement for each row of values, sent as one batch. */
    public void batch(String sql, Collection<? extends List<?>> rows) {
        refusedAs(sql, () -> {
            statements.batch(sql, rows);
            return null;
        });
    }

    /** {@code ?, ?, ?} for an IN list of this many values. */
    public static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static <T> T refusedAs(String sql, Supplier<T> statement) {
        try {
            return statement.get();
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException refusal) {
                throw new SqlRefusedException(sql, refusal);
            }
            throw e;
        }
    }
}
