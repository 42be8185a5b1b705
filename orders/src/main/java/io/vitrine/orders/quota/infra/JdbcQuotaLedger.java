package io.vitrine.orders.quota.infra;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.infra.SqlInstants;
import io.vitrine.orders.quota.AnnualQuota;
import io.vitrine.orders.quota.QuotaEntry;
import io.vitrine.orders.quota.QuotaLedger;
import io.vitrine.orders.quota.QuotaMovement;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.Year;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Optional;

/**
 * {@link QuotaLedger} over {@code annual_quotas} and {@code annual_quota_movements} (migration V18), hand-written
 * SQL that MariaDB/MySQL and H2 in MySQL mode both run. Platform-wide tables: no tenant filter, by design.
 *
 * <p>Creating and locking an account is an upsert followed by {@code SELECT … FOR UPDATE}: on a duplicate key the
 * upsert takes the row's exclusive lock (not the shared lock a plain INSERT's duplicate check takes), so concurrent
 * first orders of one person queue on the row instead of deadlocking.
 */
@Singleton
class JdbcQuotaLedger implements QuotaLedger {

    private static final String UPSERT = "INSERT INTO annual_quotas (buyer_index, quota_year, reserved_fen, consumed_fen, "
            + "updated_at) VALUES (?, ?, 0, 0, ?) ON DUPLICATE KEY UPDATE reserved_fen = reserved_fen";
    private static final String ACCOUNT = "SELECT reserved_fen, consumed_fen FROM annual_quotas "
            + "WHERE buyer_index = ? AND quota_year = ?";
    private static final String SAVE = "UPDATE annual_quotas SET reserved_fen = ?, consumed_fen = ?, updated_at = ? "
            + "WHERE buyer_index = ? AND quota_year = ?";
    private static final String MOVEMENT = "SELECT id, movement, reference, order_no, buyer_index, quota_year, "
            + "amount_fen, tenant_id, created_at FROM annual_quota_movements WHERE movement = ? AND reference = ?";
    private static final String RECORD = "INSERT INTO annual_quota_movements (id, movement, reference, order_no, "
            + "buyer_index, quota_year, amount_fen, tenant_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String REDUCED = "SELECT COALESCE(SUM(amount_fen), 0) FROM annual_quota_movements "
            + "WHERE order_no = ? AND movement = 'REDUCE'";

    private final TransactionOperations<Connection> transactions;

    JdbcQuotaLedger(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public AnnualQuota lock(String buyerIndex, Year year) {
        try (PreparedStatement upsert = connection().prepareStatement(UPSERT)) {
            upsert.setString(1, buyerIndex);
            upsert.setInt(2, year.getValue());
            upsert.setString(3, SqlInstants.text(Instant.EPOCH));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not open an annual quota account", e);
        }
        return account(buyerIndex, year, true).orElseThrow();
    }

    @Override
    public AnnualQuota lockExisting(String buyerIndex, Year year) {
        return account(buyerIndex, year, true).orElseThrow(() -> new IllegalStateException(
                "the annual quota account of a reservation vanished"));
    }

    @Override
    public Optional<AnnualQuota> find(String buyerIndex, Year year) {
        return account(buyerIndex, year, false);
    }

    @Override
    public void save(String buyerIndex, AnnualQuota quota, Instant at) {
        try (PreparedStatement update = connection().prepareStatement(SAVE)) {
            update.setLong(1, quota.reserved().fen());
            update.setLong(2, quota.consumed().fen());
            update.setString(3, SqlInstants.text(at));
            update.setString(4, buyerIndex);
            update.setInt(5, quota.year().getValue());
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("an annual quota account vanished while locked");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not save an annual quota account", e);
        }
    }

    @Override
    public Optional<QuotaEntry> find(QuotaMovement movement, String reference) {
        try (PreparedStatement select = connection().prepareStatement(MOVEMENT)) {
            select.setString(1, movement.name());
            select.setString(2, reference);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new QuotaEntry(row.getString(1), QuotaMovement.valueOf(row.getString(2)),
                        row.getString(3), row.getString(4), row.getString(5), Year.of(row.getInt(6)),
                        Money.ofFen(row.getLong(7)), TenantId.of(row.getString(8)), SqlInstants.read(row, 9)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read an annual quota movement", e);
        }
    }

    @Override
    public Set<QuotaMovement> movementsOf(String orderNo, Set<QuotaMovement> among) {
        List<QuotaMovement> wanted = List.copyOf(among);
        String sql = "SELECT movement FROM annual_quota_movements WHERE reference = ? AND movement IN ("
                + "?,".repeat(wanted.size() - 1) + "?)";
        try (PreparedStatement select = connection().prepareStatement(sql)) {
            select.setString(1, orderNo);
            for (int i = 0; i < wanted.size(); i++) {
                select.setString(i + 2, wanted.get(i).name());
            }
            Set<QuotaMovement> found = EnumSet.noneOf(QuotaMovement.class);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(QuotaMovement.valueOf(row.getString(1)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read an order's annual quota movements", e);
        }
    }

    @Override
    public void record(QuotaEntry entry) {
        if (!recordIfAbsent(entry)) {
            // the (movement, reference) key: a twin committed after this transaction's snapshot was taken
            throw new ConflictException("This " + entry.movement().name().toLowerCase(Locale.ROOT)
                    + " was already recorded: try again.");
        }
    }

    @Override
    public boolean recordIfAbsent(QuotaEntry entry) {
        try (PreparedStatement insert = connection().prepareStatement(RECORD)) {
            insert.setString(1, entry.id());
            insert.setString(2, entry.movement().name());
            insert.setString(3, entry.reference());
            insert.setString(4, entry.orderNo());
            insert.setString(5, entry.buyerIndex());
            insert.setInt(6, entry.year().getValue());
            insert.setLong(7, entry.amount().fen());
            insert.setString(8, entry.tenant().value());
            insert.setString(9, SqlInstants.text(entry.createdAt()));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false;
            }
            throw new IllegalStateException("could not record an annual quota movement", e);
        }
    }

    @Override
    public Money reducedFor(String orderNo) {
        try (PreparedStatement select = connection().prepareStatement(REDUCED)) {
            select.setString(1, orderNo);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return Money.ofFen(row.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not sum an order's quota reductions", e);
        }
    }

    private Optional<AnnualQuota> account(String buyerIndex, Year year, boolean forUpdate) {
        try (PreparedStatement select = connection().prepareStatement(forUpdate ? ACCOUNT + " FOR UPDATE" : ACCOUNT)) {
            select.setString(1, buyerIndex);
            select.setInt(2, year.getValue());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new AnnualQuota(year, Money.ofFen(row.getLong(1)), Money.ofFen(row.getLong(2))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read an annual quota account", e);
        }
    }

    private Connection connection() {
        if (transactions.findTransactionStatus().isEmpty()) {
            throw new IllegalStateException("the annual quota ledger runs inside a transaction");
        }
        return transactions.getConnection();
    }
}
