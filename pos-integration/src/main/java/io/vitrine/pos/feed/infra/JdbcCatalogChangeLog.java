package io.vitrine.pos.feed.infra;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.infra.SqlInstants;
import io.vitrine.pos.feed.CatalogChangeLog;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The change log in {@code pos_catalog_changes}, numbered from the tenant's row of {@code pos_catalog_sequences}:
 * raising {@code last_seq} locks that row until the appending transaction ends, so a second appender waits and
 * takes the numbers after the first one's — sequence order is commit order, and the committed {@code last_seq} is
 * the watermark. Runs on the caller's transaction; every statement filters by tenant.
 */
@Singleton
class JdbcCatalogChangeLog implements CatalogChangeLog {

    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    JdbcCatalogChangeLog(TransactionOperations<Connection> transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void append(TenantId tenant, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        try {
            long last = claim(tenant, entries.size());
            long seq = last - entries.size();
            String now = SqlInstants.text(clock.instant());
            try (PreparedStatement insert = connection().prepareStatement("INSERT INTO pos_catalog_changes "
                    + "(tenant_id, seq, sku, warehouse_code, recorded_at) VALUES (?, ?, ?, ?, ?)")) {
                for (Entry entry : entries) {
                    insert.setString(1, tenant.value());
                    insert.setLong(2, ++seq);
                    insert.setString(3, entry.sku());
                    insert.setString(4, entry.warehouseCode());
                    insert.setString(5, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not append to the POS catalog change log", e);
        }
    }

    @Override
    public long watermark(TenantId tenant) {
        try (PreparedStatement select = connection().prepareStatement(
                "SELECT last_seq FROM pos_catalog_sequences WHERE tenant_id = ?")) {
            select.setString(1, tenant.value());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0L;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the POS catalog watermark", e);
        }
    }

    @Override
    public List<Logged> between(TenantId tenant, long after, long upTo, String warehouseCode, int limit) {
        try (PreparedStatement select = connection().prepareStatement("SELECT seq, sku FROM pos_catalog_changes "
                + "WHERE tenant_id = ? AND seq > ? AND seq <= ? AND (warehouse_code IS NULL OR warehouse_code = ?) "
                + "ORDER BY seq LIMIT ?")) {
            select.setString(1, tenant.value());
            select.setLong(2, after);
            select.setLong(3, upTo);
            select.setString(4, warehouseCode);
            select.setInt(5, limit);
            List<Logged> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new Logged(rows.getLong(1), rows.getString(2)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the POS catalog change log", e);
        }
    }

    /** Raises the tenant's counter by {@code count} (creating it on first use) and returns the new, locked value. */
    private long claim(TenantId tenant, int count) throws SQLException {
        if (raise(tenant, count) == 0) {
            try (PreparedStatement insert = connection().prepareStatement(
                    "INSERT INTO pos_catalog_sequences (tenant_id, last_seq) VALUES (?, 0)")) {
                insert.setString(1, tenant.value());
                insert.executeUpdate();
            } catch (SQLException e) {
                if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                    throw e;
                }
                // another appender created the row first: its UPDATE below waits for that one's commit
            }
            raise(tenant, count);
        }
        try (PreparedStatement select = connection().prepareStatement(
                "SELECT last_seq FROM pos_catalog_sequences WHERE tenant_id = ? FOR UPDATE")) {
            select.setString(1, tenant.value());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private int raise(TenantId tenant, int count) throws SQLException {
        try (PreparedStatement update = connection().prepareStatement(
                "UPDATE pos_catalog_sequences SET last_seq = last_seq + ? WHERE tenant_id = ?")) {
            update.setInt(1, count);
            update.setString(2, tenant.value());
            return update.executeUpdate();
        }
    }

    private Connection connection() {
        if (transactions.findTransactionStatus().isEmpty()) {
            throw new IllegalStateException("the POS catalog change log is read and written inside a transaction");
        }
        return transactions.getConnection();
    }
}
