package io.vitrine.catalog.stock.infra;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.catalog.stock.StockCountBatch;
import io.vitrine.catalog.stock.StockItem;
import io.vitrine.kernel.time.infra.SqlInstants;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** {@link StockCountBatch} as one prepared statement's batch, in the caller's transaction. */
@Singleton
class JdbcStockCountBatch implements StockCountBatch {

    private static final String UPDATE = "UPDATE stock_levels SET on_hand = ?, reserved = ?, updated_at = ? "
            + "WHERE id = ? AND tenant_id = ?";

    private final TransactionOperations<Connection> transactions;

    JdbcStockCountBatch(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public void update(List<StockItem> rows) {
        if (transactions.findTransactionStatus().isEmpty()) {
            throw new IllegalStateException("stock rows are written inside the transaction that locked them");
        }
        try (PreparedStatement update = transactions.getConnection().prepareStatement(UPDATE)) {
            for (StockItem row : rows) {
                update.setLong(1, row.onHand());
                update.setLong(2, row.reserved());
                update.setString(3, SqlInstants.text(row.updatedAt()));
                update.setString(4, row.id());
                update.setString(5, row.tenantId());
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            for (int count : counts) {
                if (count == 0) {
                    throw new IllegalStateException("a locked stock row vanished");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not write stock counts", e);
        }
    }
}
