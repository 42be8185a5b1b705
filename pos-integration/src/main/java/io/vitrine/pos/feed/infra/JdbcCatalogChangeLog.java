package io.vitrine.pos.feed.infra;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.infra.SqlInstants;
import io.vitrine.pos.feed.CatalogChangeLog;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The change log in {@code pos_catalog_changes}, numbered from the tenant's row of {@code pos_catalog_sequences}:
 * raising {@code last_seq} locks that row until the appending transaction ends, so a second appender waits and
 * takes the numbers after the first one's — sequence order is commit order, and the committed {@code last_seq} is
 * the watermark. Runs on the caller's transaction; every statement filters by tenant, except {@link #prunable}, the
 * retention job's look across tenants (each row names its tenant).
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
                    + "(tenant_id, seq, sku, warehouse_code, store_code, recorded_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (Entry entry : entries) {
                    insert.setString(1, tenant.value());
                    insert.setLong(2, ++seq);
                    insert.setString(3, entry.sku());
                    insert.setString(4, entry.warehouseCode());
                    insert.setString(5, entry.storeCode());
                    insert.setString(6, now);
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
    public long prunedThrough(TenantId tenant) {
        try (PreparedStatement select = connection().prepareStatement(
                "SELECT pruned_through FROM pos_catalog_sequences WHERE tenant_id = ?")) {
            select.setString(1, tenant.value());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0L;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the POS catalog log's horizon", e);
        }
    }

    @Override
    public List<Logged> between(TenantId tenant, long after, long upTo, String warehouseCode, String storeCode,
                                int limit) {
        try (PreparedStatement select = connection().prepareStatement("SELECT seq, sku FROM pos_catalog_changes "
                + "WHERE tenant_id = ? AND seq > ? AND seq <= ? AND (warehouse_code IS NULL OR warehouse_code = ?) "
                + "AND (store_code IS NULL OR store_code = ?) ORDER BY seq LIMIT ?")) {
            select.setString(1, tenant.value());
            select.setLong(2, after);
            select.setLong(3, upTo);
            select.setString(4, warehouseCode);
            select.setString(5, storeCode);
            select.setInt(6, limit);
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

    /**
     * Across tenants (the retention job is the platform's): one range of {@code ix_pos_catalog_changes_recorded}. This
     * and the two below run in a transaction of their own when called outside one: each step of a prune commits.
     */
    @Override
    @Transactional
    public List<Horizon> prunable(Instant recordedBefore) {
        try (PreparedStatement select = connection().prepareStatement("SELECT c.tenant_id, MAX(c.seq) "
                + "FROM pos_catalog_changes c WHERE c.recorded_at < ? GROUP BY c.tenant_id")) {
            select.setString(1, SqlInstants.text(recordedBefore));
            List<Horizon> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new Horizon(TenantId.of(rows.getString(1)), rows.getLong(2)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not find what the POS catalog log may lose", e);
        }
    }

    @Override
    @Transactional
    public void raiseHorizon(TenantId tenant, long seq) {
        try (PreparedStatement update = connection().prepareStatement("UPDATE pos_catalog_sequences "
                + "SET pruned_through = ? WHERE tenant_id = ? AND pruned_through < ?")) {
            update.setLong(1, seq);
            update.setString(2, tenant.value());
            update.setLong(3, seq);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not raise the POS catalog log's horizon", e);
        }
    }

    @Override
    @Transactional
    public int deleteThrough(TenantId tenant, long seq, int limit) {
        try (PreparedStatement delete = connection().prepareStatement(
                "DELETE FROM pos_catalog_changes WHERE tenant_id = ? AND seq <= ? LIMIT ?")) {
            delete.setString(1, tenant.value());
            delete.setLong(2, seq);
            delete.setInt(3, limit);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not prune the POS catalog change log", e);
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
