package io.vitrine.oversight.display.infra;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.infra.SqlInstants;
import io.vitrine.oversight.display.DisplayAccount;
import io.vitrine.oversight.display.DisplayBalance;
import io.vitrine.oversight.display.DisplayLedger;
import io.vitrine.oversight.display.DisplayMovement;
import io.vitrine.oversight.display.DisplayPeriod;
import io.vitrine.oversight.display.Guarantee;
import io.vitrine.oversight.display.GuaranteeRelease;
import io.vitrine.oversight.display.MovementKeyTakenException;
import io.vitrine.oversight.display.MovementKind;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * {@link DisplayLedger} in hand-written SQL on the caller's transaction (or a read-only one of its own for a read
 * outside any). Every statement filters by tenant itself, except the two the port names (the park's and the alert
 * job's). Dates bind as {@code yyyy-MM-dd} text, instants as {@link SqlInstants} text: the same on H2 and MariaDB.
 */
@Singleton
class JdbcDisplayLedger implements DisplayLedger {

    private static final String ACCOUNT = "SELECT id, tenant_id, park_id, store_code, warehouse_code, guarantee_fen, "
            + "guarantee_reference, guarantee_expires_on, display_from, display_to, created_at, updated_at, closed_at, "
            + "guarantee_released_on, guarantee_release_reference FROM display_accounts ";
    private static final String MOVEMENT = "SELECT id, account_id, movement_key, kind, sku, quantity, order_no, note, "
            + "on_display_after, actor_id, actor_name, occurred_at FROM display_movements ";
    private static final String BALANCE = "SELECT sku, out_qty, sold_qty, returned_qty, on_display, "
            + "pending_qty FROM display_balances ";

    @FunctionalInterface
    private interface Rows<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final TransactionOperations<Connection> transactions;

    JdbcDisplayLedger(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public void insertAccount(DisplayAccount a) {
        write("INSERT INTO display_accounts (id, tenant_id, park_id, store_code, warehouse_code, guarantee_fen, "
                        + "guarantee_reference, guarantee_expires_on, display_from, display_to, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                a.id(), a.tenant().value(), a.parkId(), a.storeCode(), a.warehouseCode(), a.guarantee().amount().fen(),
                a.guarantee().reference(), a.guarantee().expiresOn(), a.period().from(), a.period().to(),
                a.createdAt(), a.updatedAt());
    }

    @Override
    public void updateTerms(DisplayAccount a) {
        write("UPDATE display_accounts SET guarantee_fen = ?, guarantee_reference = ?, guarantee_expires_on = ?, "
                        + "display_from = ?, display_to = ?, updated_at = ? WHERE tenant_id = ? AND id = ?",
                a.guarantee().amount().fen(), a.guarantee().reference(), a.guarantee().expiresOn(), a.period().from(),
                a.period().to(), a.updatedAt(), a.tenant().value(), a.id());
    }

    @Override
    public void close(DisplayAccount a) {
        write("UPDATE display_accounts SET closed_at = ?, guarantee_released_on = ?, guarantee_release_reference = ?, "
                        + "updated_at = ? WHERE tenant_id = ? AND id = ?", a.release().closedAt(),
                a.release().releasedOn(), a.release().reference(), a.updatedAt(), a.tenant().value(), a.id());
    }

    @Override
    public Optional<DisplayAccount> account(TenantId tenant, String id) {
        return first(query(ACCOUNT + "WHERE tenant_id = ? AND id = ?", JdbcDisplayLedger::account, tenant.value(), id));
    }

    @Override
    public Optional<DisplayAccount> lockAccount(TenantId tenant, String id) {
        return first(query(ACCOUNT + "WHERE tenant_id = ? AND id = ? FOR UPDATE", JdbcDisplayLedger::account,
                tenant.value(), id));
    }

    @Override
    public boolean accountExists(TenantId tenant, String storeCode, String warehouseCode) {
        return !query("SELECT 1 FROM display_accounts WHERE tenant_id = ? AND store_code = ? AND warehouse_code = ?",
                row -> 1, tenant.value(), storeCode, warehouseCode).isEmpty();
    }

    @Override
    public List<DisplayAccount> accounts(TenantId tenant) {
        return query(ACCOUNT + "WHERE tenant_id = ? ORDER BY store_code, warehouse_code", JdbcDisplayLedger::account,
                tenant.value());
    }

    @Override
    public List<DisplayAccount> accountsOfPark(TenantId park, Optional<TenantId> member) {
        if (member.isPresent()) {
            return query(ACCOUNT + "WHERE park_id = ? AND tenant_id = ? ORDER BY store_code, warehouse_code",
                    JdbcDisplayLedger::account, park.value(), member.get().value());
        }
        return query(ACCOUNT + "WHERE park_id = ? ORDER BY tenant_id, store_code, warehouse_code",
                JdbcDisplayLedger::account, park.value());
    }

    @Override
    public List<DisplayBalance> balances(TenantId tenant, String accountId) {
        return query(BALANCE + "WHERE tenant_id = ? AND account_id = ? ORDER BY sku", JdbcDisplayLedger::balance,
                tenant.value(), accountId);
    }

    @Override
    public List<String> displayingAtStore(TenantId tenant, String storeCode, String sku) {
        return query("SELECT a.id FROM display_accounts a JOIN display_balances b ON b.account_id = a.id "
                        + "AND b.tenant_id = a.tenant_id WHERE a.tenant_id = ? AND a.store_code = ? AND a.closed_at IS NULL "
                        + "AND b.sku = ? AND b.on_display > 0 ORDER BY a.warehouse_code", row -> row.getString(1),
                tenant.value(), storeCode, sku);
    }

    @Override
    public DisplayBalance lockBalance(TenantId tenant, String accountId, String sku, Instant at) {
        write("INSERT IGNORE INTO display_balances (account_id, tenant_id, sku, out_qty, sold_qty, returned_qty, "
                + "on_display, pending_qty, updated_at) VALUES (?, ?, ?, 0, 0, 0, 0, 0, ?)", accountId, tenant.value(), sku, at);
        return query(BALANCE + "WHERE tenant_id = ? AND account_id = ? AND sku = ? FOR UPDATE",
                JdbcDisplayLedger::balance, tenant.value(), accountId, sku).get(0);
    }

    @Override
    public void saveBalance(TenantId tenant, String accountId, DisplayBalance b, Instant at) {
        write("UPDATE display_balances SET out_qty = ?, sold_qty = ?, returned_qty = ?, on_display = ?, pending_qty = ?, "
                        + "updated_at = ? WHERE tenant_id = ? AND account_id = ? AND sku = ?",
                b.out(), b.sold(), b.returned(), b.onDisplay(), b.awaitingDeclaration(), at, tenant.value(), accountId,
                b.sku());
    }

    @Override
    public Optional<DisplayMovement> findMovement(TenantId tenant, String movementKey) {
        return first(query(MOVEMENT + "WHERE tenant_id = ? AND movement_key = ?", JdbcDisplayLedger::movement,
                tenant.value(), movementKey));
    }

    @Override
    public void insertMovement(TenantId tenant, DisplayMovement m) {
        String sql = "INSERT INTO display_movements (id, tenant_id, account_id, movement_key, kind, sku, quantity, "
                + "order_no, note, on_display_after, actor_id, actor_name, occurred_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try {
            write(sql, m.id(), tenant.value(), m.accountId(), m.movementKey(), m.kind().name(), m.sku(), m.quantity(),
                    m.orderNo(), m.note(), m.onDisplayAfter(), m.actorId(), m.actorName(), m.occurredAt());
        } catch (SqlFailure e) {
            if (e.getCause() instanceof SQLException sql2 && sql2.getSQLState() != null
                    && sql2.getSQLState().startsWith("23")) {
                throw new MovementKeyTakenException(m.movementKey(), e);
            }
            throw e;
        }
    }

    @Override
    public List<DisplayMovement> movements(TenantId tenant, String accountId, int offset, int limit) {
        return query(MOVEMENT + "WHERE tenant_id = ? AND account_id = ? ORDER BY occurred_at DESC, id DESC LIMIT ? "
                + "OFFSET ?", JdbcDisplayLedger::movement, tenant.value(), accountId, limit, offset);
    }

    @Override
    public long countMovements(TenantId tenant, String accountId) {
        return query("SELECT COUNT(*) FROM display_movements WHERE tenant_id = ? AND account_id = ?",
                row -> row.getLong(1), tenant.value(), accountId).get(0);
    }

    @Override
    public List<DisplayMovement> history(TenantId tenant, List<String> accountIds) {
        if (accountIds.isEmpty()) {
            return List.of();
        }
        List<Object> values = new ArrayList<>();
        values.add(tenant.value());
        values.addAll(accountIds);
        return query(MOVEMENT + "WHERE tenant_id = ? AND account_id IN ("
                        + String.join(", ", Collections.nCopies(accountIds.size(), "?")) + ") ORDER BY occurred_at, id",
                JdbcDisplayLedger::movement, values.toArray());
    }

    @Override
    public long soldForOrder(TenantId tenant, String orderNo, String sku) {
        return query("SELECT COALESCE(SUM(quantity), 0) FROM display_movements WHERE tenant_id = ? AND order_no = ? "
                + "AND sku = ? AND kind = ?", row -> row.getLong(1), tenant.value(), orderNo, sku,
                MovementKind.SOLD_DECLARED.name()).get(0);
    }

    @Override
    public List<DisplayAccount> dueForAlerts(LocalDate horizon, String afterId, int limit) {
        // the alert job's sweep over every tenant: the accounts found are then handled each in its own tenant
        return query(ACCOUNT + "WHERE id > ? AND closed_at IS NULL AND (display_to <= ? OR guarantee_expires_on <= ?) "
                        + "AND EXISTS (SELECT 1 FROM display_balances b WHERE b.account_id = display_accounts.id "
                        + "AND b.tenant_id = display_accounts.tenant_id AND (b.on_display > 0 OR b.pending_qty > 0)) "
                        + "ORDER BY id LIMIT ?",
                JdbcDisplayLedger::account, afterId, horizon, horizon, limit);
    }

    private static DisplayAccount account(ResultSet row) throws SQLException {
        return new DisplayAccount(row.getString(1), TenantId.of(row.getString(2)), row.getString(3), row.getString(4),
                row.getString(5), new Guarantee(Money.ofFen(row.getLong(6)), row.getString(7), date(row, 8)),
                new DisplayPeriod(date(row, 9), date(row, 10)), SqlInstants.read(row, 11), SqlInstants.read(row, 12),
                row.getString(13) == null ? null
                        : new GuaranteeRelease(date(row, 14), row.getString(15), SqlInstants.read(row, 13)));
    }

    private static DisplayBalance balance(ResultSet row) throws SQLException {
        return new DisplayBalance(row.getString(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5),
                row.getLong(6));
    }

    private static DisplayMovement movement(ResultSet row) throws SQLException {
        return new DisplayMovement(row.getString(1), row.getString(2), row.getString(3),
                MovementKind.valueOf(row.getString(4)), row.getString(5), row.getLong(6), row.getString(7),
                row.getString(8), row.getLong(9), row.getString(10), row.getString(11), SqlInstants.read(row, 12));
    }

    private static LocalDate date(ResultSet row, int column) throws SQLException {
        return LocalDate.parse(row.getString(column).substring(0, 10));
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.stream().findFirst();
    }

    private <T> List<T> query(String sql, Rows<T> mapper, Object... values) {
        return transactions.executeRead(status -> {
            try (PreparedStatement statement = bind(status.getConnection().prepareStatement(sql), values);
                 ResultSet rows = statement.executeQuery()) {
                List<T> found = new ArrayList<>();
                while (rows.next()) {
                    found.add(mapper.map(rows));
                }
                return found;
            } catch (SQLException e) {
                throw new SqlFailure(sql, e);
            }
        });
    }

    private void write(String sql, Object... values) {
        transactions.executeWrite(status -> {
            try (PreparedStatement statement = bind(status.getConnection().prepareStatement(sql), values)) {
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new SqlFailure(sql, e);
            }
        });
    }

    private static PreparedStatement bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else if (value instanceof Long number) {
                statement.setLong(i + 1, number);
            } else if (value instanceof Integer number) {
                statement.setInt(i + 1, number);
            } else if (value instanceof Instant instant) {
                statement.setString(i + 1, SqlInstants.text(instant));
            } else {
                statement.setString(i + 1, value.toString()); // text, and LocalDate as yyyy-MM-dd
            }
        }
        return statement;
    }

    /** A statement the database refused, with its SQL (never its values) and the driver's exception as cause. */
    static final class SqlFailure extends RuntimeException {
        SqlFailure(String sql, SQLException cause) {
            super("display ledger statement failed: " + sql, cause);
        }
    }
}
