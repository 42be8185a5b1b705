package io.vitrine.orders.payment.reconciliation.infra;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.infra.SqlInstants;
import io.vitrine.orders.payment.reconciliation.Difference;
import io.vitrine.orders.payment.reconciliation.DifferenceKind;
import io.vitrine.orders.payment.reconciliation.EntryKind;
import io.vitrine.orders.payment.reconciliation.ReconciliationOutcome;
import io.vitrine.orders.payment.reconciliation.ReconciliationReport;
import io.vitrine.orders.payment.reconciliation.ReconciliationReports;
import io.vitrine.orders.payment.reconciliation.Totals;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link ReconciliationReports} over {@code payment_reconciliations} and {@code payment_reconciliation_differences}
 * (migration V24). Saving deletes the day's earlier report (its differences go with it) and inserts the new one, in
 * one transaction: a reader sees the old report or the new, never half of one.
 */
@Singleton
class JdbcReconciliationReports implements ReconciliationReports {

    private static final String DELETE = "DELETE FROM payment_reconciliations WHERE tenant_id = ? AND bill_day = ?";
    private static final String INSERT = "INSERT INTO payment_reconciliations (id, tenant_id, bill_day, outcome, ran_at, "
            + "bill_account, bill_payments, bill_payments_fen, bill_refunds, bill_refunds_fen, our_payments, our_payments_fen, "
            + "our_refunds, our_refunds_fen, matched, failure) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_DIFFERENCE = "INSERT INTO payment_reconciliation_differences (reconciliation_id, "
            + "line_no, tenant_id, difference_kind, entry_kind, out_trade_no, out_request_no, bill_trade_no, our_trade_no, "
            + "bill_amount_fen, our_amount_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String FIND = "SELECT id, outcome, ran_at, bill_account, bill_payments, bill_payments_fen, "
            + "bill_refunds, bill_refunds_fen, our_payments, our_payments_fen, our_refunds, our_refunds_fen, matched, failure "
            + "FROM payment_reconciliations WHERE tenant_id = ? AND bill_day = ?";
    private static final String DIFFERENCES = "SELECT difference_kind, entry_kind, out_trade_no, out_request_no, "
            + "bill_trade_no, our_trade_no, bill_amount_fen, our_amount_fen FROM payment_reconciliation_differences "
            + "WHERE reconciliation_id = ? AND tenant_id = ? ORDER BY line_no";

    private final TransactionOperations<Connection> transactions;

    JdbcReconciliationReports(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public void save(ReconciliationReport report) {
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
                delete.setString(1, report.tenant().value());
                delete.setObject(2, report.day());
                delete.executeUpdate();
            }
            insert(connection, report);
            insertDifferences(connection, report);
            return null;
        });
    }

    private static void insert(Connection connection, ReconciliationReport report) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, report.id());
            insert.setString(2, report.tenant().value());
            insert.setObject(3, report.day());
            insert.setString(4, report.outcome().name());
            insert.setString(5, SqlInstants.text(report.ranAt()));
            insert.setString(6, report.billAccount());
            totals(insert, 7, report.billTotals());
            totals(insert, 11, report.ourTotals());
            insert.setInt(15, report.matched());
            insert.setString(16, report.failure());
            insert.executeUpdate();
        }
    }

    private static void totals(PreparedStatement insert, int first, Totals totals) throws SQLException {
        if (totals == null) {
            for (int i = 0; i < 4; i++) {
                insert.setNull(first + i, i % 2 == 0 ? Types.INTEGER : Types.BIGINT);
            }
            return;
        }
        insert.setInt(first, totals.payments());
        insert.setLong(first + 1, totals.paymentsAmount().fen());
        insert.setInt(first + 2, totals.refunds());
        insert.setLong(first + 3, totals.refundsAmount().fen());
    }

    private static void insertDifferences(Connection connection, ReconciliationReport report) throws SQLException {
        if (report.differences().isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_DIFFERENCE)) {
            int line = 0;
            for (Difference difference : report.differences()) {
                insert.setString(1, report.id());
                insert.setInt(2, ++line);
                insert.setString(3, report.tenant().value());
                insert.setString(4, difference.kind().name());
                insert.setString(5, difference.entryKind().name());
                insert.setString(6, difference.outTradeNo());
                insert.setString(7, difference.outRequestNo());
                insert.setString(8, difference.billTradeNo());
                insert.setString(9, difference.ourTradeNo());
                fen(insert, 10, difference.billAmount());
                fen(insert, 11, difference.ourAmount());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void fen(PreparedStatement statement, int index, Money amount) throws SQLException {
        if (amount == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, amount.fen());
        }
    }

    @Override
    public Optional<ReconciliationReport> find(TenantId tenant, LocalDate day) {
        return transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement find = connection.prepareStatement(FIND)) {
                find.setString(1, tenant.value());
                find.setObject(2, day);
                try (ResultSet row = find.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    String id = row.getString(1);
                    return Optional.of(new ReconciliationReport(id, tenant, day,
                            ReconciliationOutcome.valueOf(row.getString(2)), SqlInstants.read(row, 3), row.getString(4),
                            totals(row, 5), totals(row, 9), row.getInt(13), differences(connection, id, tenant),
                            row.getString(14)));
                }
            }
        });
    }

    private static Totals totals(ResultSet row, int first) throws SQLException {
        int payments = row.getInt(first);
        if (row.wasNull()) {
            return null;
        }
        return new Totals(payments, Money.ofFen(row.getLong(first + 1)), row.getInt(first + 2),
                Money.ofFen(row.getLong(first + 3)));
    }

    private static List<Difference> differences(Connection connection, String id, TenantId tenant) throws SQLException {
        List<Difference> differences = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(DIFFERENCES)) {
            select.setString(1, id);
            select.setString(2, tenant.value());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    differences.add(new Difference(DifferenceKind.valueOf(row.getString(1)), EntryKind.valueOf(row.getString(2)),
                            row.getString(3), row.getString(4), row.getString(5), row.getString(6), fen(row, 7), fen(row, 8)));
                }
            }
        }
        return differences;
    }

    private static Money fen(ResultSet row, int column) throws SQLException {
        long fen = row.getLong(column);
        return row.wasNull() ? null : Money.ofFen(fen);
    }
}
