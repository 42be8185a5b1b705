package io.vitrine.orders.logistics.infra;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.time.infra.SqlInstants;
import io.vitrine.orders.logistics.Waybill;
import io.vitrine.orders.logistics.Waybills;
import io.vitrine.orders.ordering.Order;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** {@link Waybills} over {@code order_waybills} (V28): hand-written SQL, every statement filtered by the tenant. */
@Singleton
class JdbcWaybills implements Waybills {

    private static final String SELECT = "SELECT order_no, logistics_code, logistics_name, logistics_no, device_key, "
            + "assigned_at, shipped_at, delivered_at FROM order_waybills WHERE order_no = ? AND tenant_id = ?";
    private static final String EXISTS = "SELECT 1 FROM order_waybills WHERE order_id = ? AND tenant_id = ?";
    private static final String DELETE = "DELETE FROM order_waybills WHERE order_id = ? AND tenant_id = ?";
    private static final String INSERT = "INSERT INTO order_waybills (order_id, tenant_id, order_no, logistics_code, "
            + "logistics_name, logistics_no, device_key, assigned_at) VALUES (?,?,?,?,?,?,?,?)";

    private final TransactionOperations<Connection> transactions;
    private final CurrentTenant currentTenant;

    JdbcWaybills(TransactionOperations<Connection> transactions, CurrentTenant currentTenant) {
        this.transactions = transactions;
        this.currentTenant = currentTenant;
    }

    @Override
    public Optional<Waybill> find(String orderNo) {
        try (PreparedStatement select = connection().prepareStatement(SELECT)) {
            select.setString(1, orderNo);
            select.setString(2, tenant());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Waybill(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5), SqlInstants.read(row, 6), SqlInstants.read(row, 7),
                        SqlInstants.read(row, 8))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read a waybill", e);
        }
    }

    /**
     * Deletes the order's waybill only when it has one: on MariaDB a DELETE that finds no row takes a gap lock, and
     * two first waybills of different orders (new rows land in the same gap) then deadlock on their INSERTs. The
     * plain read takes no lock; the caller holds the order's row lock, so no other post of this order runs between.
     */
    @Override
    public void save(Order order, Waybill waybill) {
        try (PreparedStatement exists = connection().prepareStatement(EXISTS);
             PreparedStatement delete = connection().prepareStatement(DELETE);
             PreparedStatement insert = connection().prepareStatement(INSERT)) {
            exists.setString(1, order.id());
            exists.setString(2, tenant());
            boolean replacing;
            try (ResultSet row = exists.executeQuery()) {
                replacing = row.next();
            }
            if (replacing) {
                delete.setString(1, order.id());
                delete.setString(2, tenant());
                delete.executeUpdate();
            }
            insert.setString(1, order.id());
            insert.setString(2, tenant());
            insert.setString(3, order.orderNo());
            insert.setString(4, waybill.logisticsCode());
            insert.setString(5, waybill.logisticsName());
            insert.setString(6, waybill.logisticsNo());
            insert.setString(7, waybill.deviceKey());
            insert.setString(8, SqlInstants.text(waybill.assignedAt()));
            insert.executeUpdate();
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                throw new ConflictException("Waybill " + waybill.logisticsNo() + " of " + waybill.logisticsCode()
                        + " belongs to another order.");
            }
            throw failure("save a waybill", e);
        }
    }

    @Override
    public void shipped(String orderNo, Instant at) {
        stamp("shipped_at", orderNo, at);
    }

    @Override
    public void delivered(String orderNo, Instant at) {
        stamp("delivered_at", orderNo, at);
    }

    private void stamp(String column, String orderNo, Instant at) {
        try (PreparedStatement update = connection().prepareStatement("UPDATE order_waybills SET " + column
                + " = ? WHERE order_no = ? AND tenant_id = ?")) {
            update.setString(1, SqlInstants.text(at));
            update.setString(2, orderNo);
            update.setString(3, tenant());
            update.executeUpdate();
        } catch (SQLException e) {
            throw failure("stamp a waybill", e);
        }
    }

    private String tenant() {
        return currentTenant.require().value();
    }

    private Connection connection() {
        if (transactions.findTransactionStatus().isEmpty()) {
            throw new IllegalStateException("waybills are read and written inside a transaction");
        }
        return transactions.getConnection();
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("could not " + what, e);
    }
}
