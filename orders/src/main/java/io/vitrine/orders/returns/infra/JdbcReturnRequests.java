package io.vitrine.orders.returns.infra;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.infra.SqlInstants;
import io.vitrine.orders.returns.ReturnChannel;
import io.vitrine.orders.returns.ReturnLine;
import io.vitrine.orders.returns.ReturnRequest;
import io.vitrine.orders.returns.ReturnRequests;
import io.vitrine.orders.returns.ReturnStatus;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ReturnRequests} over {@code order_returns} and {@code order_return_lines} (V36): hand-written SQL, every
 * statement filtered by the current tenant. A return is two statements (its row, its lines in one batch).
 */
@Singleton
class JdbcReturnRequests implements ReturnRequests {

    private static final String COLUMNS = "id, return_no, order_id, order_no, store_code, status, reason, channel, "
            + "opened_by, requested_at, released_at, decided_at, decided_by, rejection_reason, updated_at, version";
    private static final String INSERT = "INSERT INTO order_returns (" + COLUMNS + ", tenant_id) "
            + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final String INSERT_LINE = "INSERT INTO order_return_lines (return_id, line_no, tenant_id, sku, "
            + "quantity, ordered_quantity, unit_price_fen, line_value_fen, line_tax_fen) VALUES (?,?,?,?,?,?,?,?,?)";
    private static final String LINES = "SELECT return_id, line_no, sku, quantity, ordered_quantity, unit_price_fen, "
            + "line_value_fen, line_tax_fen FROM order_return_lines WHERE tenant_id = ? AND return_id IN (";
    private static final String UPDATE = "UPDATE order_returns SET status = ?, decided_at = ?, decided_by = ?, "
            + "rejection_reason = ?, updated_at = ?, version = version + 1 WHERE id = ? AND tenant_id = ? AND version = ?";
    private static final String CLAIMED = "SELECT l.line_no, SUM(l.quantity) FROM order_return_lines l "
            + "JOIN order_returns r ON r.id = l.return_id WHERE r.order_id = ? AND r.tenant_id = ? AND l.tenant_id = ? "
            + "AND r.status NOT IN (?, ?) GROUP BY l.line_no";

    private final TransactionOperations<Connection> transactions;
    private final CurrentTenant currentTenant;

    JdbcReturnRequests(TransactionOperations<Connection> transactions, CurrentTenant currentTenant) {
        this.transactions = transactions;
        this.currentTenant = currentTenant;
    }

    @Override
    public void insert(ReturnRequest r) {
        try (PreparedStatement insert = connection().prepareStatement(INSERT);
             PreparedStatement lines = connection().prepareStatement(INSERT_LINE)) {
            String[] values = {r.id(), r.returnNo(), r.orderId(), r.orderNo(), r.storeCode(), r.status().name(),
                    r.reason(), r.channel().name(), r.openedBy(), SqlInstants.text(r.requestedAt()),
                    SqlInstants.text(r.releasedAt()), SqlInstants.text(r.decidedAt()), r.decidedBy(),
                    r.rejectionReason(), SqlInstants.text(r.updatedAt())};
            for (int i = 0; i < values.length; i++) {
                insert.setString(i + 1, values[i]);
            }
            insert.setInt(16, r.version());
            insert.setString(17, tenant());
            insert.executeUpdate();
            for (ReturnLine line : r.lines()) {
                lines.setString(1, r.id());
                lines.setInt(2, line.lineNo());
                lines.setString(3, tenant());
                lines.setString(4, line.sku());
                lines.setInt(5, line.quantity());
                lines.setInt(6, line.orderedQuantity());
                lines.setLong(7, line.unitPrice().fen());
                lines.setLong(8, line.lineValue().fen());
                lines.setLong(9, line.lineTax().fen());
                lines.addBatch();
            }
            lines.executeBatch();
        } catch (SQLException e) {
            throw failure("insert a return", e);
        }
    }

    @Override
    public Optional<ReturnRequest> find(String returnNo) {
        return one("SELECT " + COLUMNS + " FROM order_returns WHERE return_no = ? AND tenant_id = ?", returnNo);
    }

    @Override
    public Optional<ReturnRequest> lock(String returnNo) {
        return one("SELECT " + COLUMNS + " FROM order_returns WHERE return_no = ? AND tenant_id = ? FOR UPDATE",
                returnNo);
    }

    @Override
    public ReturnRequest update(ReturnRequest changed) {
        try (PreparedStatement update = connection().prepareStatement(UPDATE)) {
            update.setString(1, changed.status().name());
            update.setString(2, SqlInstants.text(changed.decidedAt()));
            update.setString(3, changed.decidedBy());
            update.setString(4, changed.rejectionReason());
            update.setString(5, SqlInstants.text(changed.updatedAt()));
            update.setString(6, changed.id());
            update.setString(7, tenant());
            update.setInt(8, changed.version());
            if (update.executeUpdate() != 1) {
                throw new ConflictException("The return " + changed.returnNo() + " changed meanwhile: try again.");
            }
        } catch (SQLException e) {
            throw failure("update a return", e);
        }
        return changed.written();
    }

    @Override
    public Map<Integer, Integer> claimedUnits(String orderId) {
        Map<Integer, Integer> claimed = new HashMap<>();
        try (PreparedStatement select = connection().prepareStatement(CLAIMED)) {
            select.setString(1, orderId);
            select.setString(2, tenant());
            select.setString(3, tenant());
            // every status but these two claims its units (ReturnStatus.claimsUnits)
            select.setString(4, ReturnStatus.REJECTED.name());
            select.setString(5, ReturnStatus.EXPIRED.name());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    claimed.put(row.getInt(1), row.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw failure("count returned units", e);
        }
        return claimed;
    }

    @Override
    public List<ReturnRequest> ofOrder(String orderNo) {
        return many("SELECT " + COLUMNS + " FROM order_returns WHERE order_no = ? AND tenant_id = ? "
                + "ORDER BY requested_at, id", List.of(orderNo, tenant()), null);
    }

    @Override
    public ReturnPage list(ReturnFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" FROM order_returns WHERE tenant_id = ?");
        List<String> values = new ArrayList<>();
        values.add(tenant());
        if (filter.status() != null) {
            where.append(" AND status = ?");
            values.add(filter.status().name());
        }
        if (filter.storeCodes() != null) {
            where.append(" AND store_code IN (").append("?,".repeat(filter.storeCodes().size() - 1)).append("?)");
            values.addAll(filter.storeCodes());
        }
        long total;
        try (PreparedStatement count = connection().prepareStatement("SELECT COUNT(*)" + where)) {
            for (int i = 0; i < values.size(); i++) {
                count.setString(i + 1, values.get(i));
            }
            try (ResultSet row = count.executeQuery()) {
                row.next();
                total = row.getLong(1);
            }
        } catch (SQLException e) {
            throw failure("count returns", e);
        }
        List<ReturnRequest> items = many("SELECT " + COLUMNS + where
                + " ORDER BY requested_at DESC, id DESC LIMIT ? OFFSET ?", values, new long[] {size, (long) page * size});
        return new ReturnPage(items, total);
    }

    @Override
    public List<Waiting> waitingReleasedBefore(Instant releasedBefore, int limit) {
        List<Waiting> waiting = new ArrayList<>();
        try (PreparedStatement select = connection().prepareStatement("SELECT tenant_id, return_no FROM order_returns "
                + "WHERE status IN (?, ?, ?, ?) AND released_at < ? ORDER BY released_at, id LIMIT ?")) {
            int i = 1;
            for (ReturnStatus status : List.of(ReturnStatus.REQUESTED, ReturnStatus.APPROVED, ReturnStatus.DECLARED,
                    ReturnStatus.ACCEPTED)) {
                select.setString(i++, status.name());
            }
            select.setString(i++, SqlInstants.text(releasedBefore));
            select.setInt(i, limit);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    waiting.add(new Waiting(TenantId.of(row.getString(1)), row.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw failure("find returns past their 45 days", e);
        }
        return waiting;
    }

    private Optional<ReturnRequest> one(String sql, String returnNo) {
        return many(sql, List.of(returnNo, tenant()), null).stream().findFirst();
    }

    /** The returns the query finds, each with its lines (read in one more statement for all of them). */
    private List<ReturnRequest> many(String sql, List<String> values, long[] page) {
        Map<String, ReturnRequest> heads = new LinkedHashMap<>();
        try (PreparedStatement select = connection().prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                select.setString(i + 1, values.get(i));
            }
            if (page != null) {
                select.setLong(values.size() + 1, page[0]);
                select.setLong(values.size() + 2, page[1]);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ReturnRequest head = read(row);
                    heads.put(head.id(), head);
                }
            }
        } catch (SQLException e) {
            throw failure("read returns", e);
        }
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<String, List<ReturnLine>> lines = lines(heads.keySet());
        return heads.values().stream().map(head -> withLines(head, lines.getOrDefault(head.id(), List.of()))).toList();
    }

    private Map<String, List<ReturnLine>> lines(java.util.Collection<String> returnIds) {
        Map<String, List<ReturnLine>> lines = new HashMap<>();
        String sql = LINES + "?,".repeat(returnIds.size() - 1) + "?) ORDER BY return_id, line_no";
        try (PreparedStatement select = connection().prepareStatement(sql)) {
            select.setString(1, tenant());
            int i = 2;
            for (String id : returnIds) {
                select.setString(i++, id);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    lines.computeIfAbsent(row.getString(1), id -> new ArrayList<>()).add(new ReturnLine(row.getInt(2),
                            row.getString(3), row.getInt(4), row.getInt(5), Money.ofFen(row.getLong(6)),
                            Money.ofFen(row.getLong(7)), Money.ofFen(row.getLong(8))));
                }
            }
        } catch (SQLException e) {
            throw failure("read return lines", e);
        }
        return lines;
    }

    private static ReturnRequest read(ResultSet row) throws SQLException {
        return new ReturnRequest(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), ReturnStatus.valueOf(row.getString(6)), row.getString(7),
                ReturnChannel.valueOf(row.getString(8)), row.getString(9), SqlInstants.read(row, 10),
                SqlInstants.read(row, 11), SqlInstants.read(row, 12), row.getString(13), row.getString(14),
                SqlInstants.read(row, 15), row.getInt(16), List.of());
    }

    private static ReturnRequest withLines(ReturnRequest r, List<ReturnLine> lines) {
        return new ReturnRequest(r.id(), r.returnNo(), r.orderId(), r.orderNo(), r.storeCode(), r.status(),
                r.reason(), r.channel(), r.openedBy(), r.requestedAt(), r.releasedAt(), r.decidedAt(), r.decidedBy(),
                r.rejectionReason(), r.updatedAt(), r.version(), lines);
    }

    private String tenant() {
        return currentTenant.require().value();
    }

    private Connection connection() {
        if (transactions.findTransactionStatus().isEmpty()) {
            throw new IllegalStateException("returns are read and written inside a transaction");
        }
        return transactions.getConnection();
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("could not " + what, e);
    }
}
