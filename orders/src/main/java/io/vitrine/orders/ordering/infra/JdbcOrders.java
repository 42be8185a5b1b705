package io.vitrine.orders.ordering.infra;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.catalog.products.TradeMode;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tax.ImportTax;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.infra.SqlInstants;
import io.vitrine.orders.compliance.CheckoutAmounts;
import io.vitrine.orders.compliance.Taxation;
import io.vitrine.orders.ordering.HistoryEntry;
import io.vitrine.orders.ordering.Order;
import io.vitrine.orders.ordering.OrderLine;
import io.vitrine.orders.ordering.OrderStatus;
import io.vitrine.orders.ordering.Orders;
import io.vitrine.orders.ordering.PayMethod;
import io.vitrine.orders.ordering.SealedPersonalData;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@link Orders} over {@code orders}, {@code order_lines} and {@code order_status_history} (V23): hand-written SQL
 * that MariaDB and H2 in MySQL mode both run, every statement but {@link #unpaidDue} filtered by the current tenant.
 * A placement is three statements (the order, its lines in one batch, its first history line).
 */
@Singleton
class JdbcOrders implements Orders {

    private static final String COLUMNS = "id, tenant_id, order_no, store_code, device_id, status, trade_mode, "
            + "warehouse_code, taxation, goods_value_fen, freight_fen, insurance_fen, discount_fen, tax_fen, total_fen, "
            + "quota_fen, quota_year, pay_method, payment_link, payment_expires_at, paid_at, paid_fen, alipay_trade_no, "
            + "refund_request_no, refunded_fen, refunded_at, placed_at, updated_at, version, buyer_name, "
            + "buyer_id_number, buyer_phone, buyer_id_index, buyer_id_last6_index, buyer_phone_index, consignee_name, "
            + "consignee_phone, consignee_phone_index, consignee_district_code, consignee_address, "
            + "consignee_address_index";
    private static final String INSERT = "INSERT INTO orders (" + COLUMNS + ", cart_ref, token_hash) VALUES ("
            + "?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final String INSERT_LINE = "INSERT INTO order_lines (order_id, line_no, tenant_id, sku, gtin, "
            + "name_zh, name_en, brand, hs_code, item_record_no, origin_country, unit, unit1, qty1_per_unit, unit2, "
            + "qty2_per_unit, gross_weight_kg, net_weight_kg, trade_mode, quantity, unit_price_fen, value_fen, "
            + "dutiable_value_fen, tariff_fen, consumption_tax_fen, vat_fen) "
            + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final String LINES = "SELECT line_no, sku, gtin, name_zh, name_en, brand, hs_code, item_record_no, "
            + "origin_country, unit, unit1, qty1_per_unit, unit2, qty2_per_unit, gross_weight_kg, net_weight_kg, "
            + "trade_mode, quantity, unit_price_fen, value_fen, dutiable_value_fen, tariff_fen, consumption_tax_fen, "
            + "vat_fen FROM order_lines WHERE order_id = ? AND tenant_id = ? ORDER BY line_no";
    private static final String INSERT_HISTORY = "INSERT INTO order_status_history (id, order_id, tenant_id, kind, "
            + "from_status, to_status, happened_at, actor, reason) VALUES (?,?,?,?,?,?,?,?,?)";
    private static final String HISTORY = "SELECT kind, from_status, to_status, happened_at, actor, reason "
            + "FROM order_status_history WHERE order_id = ? AND tenant_id = ? ORDER BY happened_at, id";
    private static final String UPDATE = "UPDATE orders SET status = ?, paid_at = ?, paid_fen = ?, alipay_trade_no = ?, "
            + "refund_request_no = ?, refunded_fen = ?, refunded_at = ?, updated_at = ?, version = version + 1 "
            + "WHERE id = ? AND tenant_id = ? AND version = ?";

    private static final String UPDATE_CONSIGNEE = "UPDATE orders SET consignee_name = ?, consignee_phone = ?, "
            + "consignee_phone_index = ?, consignee_district_code = ?, consignee_address = ?, "
            + "consignee_address_index = ?, updated_at = ?, version = version + 1 "
            + "WHERE id = ? AND tenant_id = ? AND version = ?";

    private final TransactionOperations<Connection> transactions;
    private final CurrentTenant currentTenant;
    private final Ids ids;

    JdbcOrders(TransactionOperations<Connection> transactions, CurrentTenant currentTenant, Ids ids) {
        this.transactions = transactions;
        this.currentTenant = currentTenant;
        this.ids = ids;
    }

    @Override
    public void insert(Order order, String cartRef, String tokenHash, List<OrderLine> lines, HistoryEntry placed) {
        Connection connection = connection();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int next = bindOrder(insert, order);
            insert.setString(next++, cartRef);
            insert.setString(next, tokenHash);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (isDuplicate(e)) {
                throw new ConflictException("This cart was already ordered.");
            }
            throw failure("insert an order", e);
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_LINE)) {
            for (OrderLine line : lines) {
                bindLine(insert, order, line);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw failure("insert order lines", e);
        }
        record(order, placed);
    }

    @Override
    @Transactional // joins the caller's; on its own for a caller outside one (the query round)
    public Optional<Order> find(String orderNo) {
        return one("SELECT " + COLUMNS + " FROM orders WHERE order_no = ? AND tenant_id = ?", orderNo);
    }

    @Override
    public Optional<Order> lock(String orderNo) {
        return one("SELECT " + COLUMNS + " FROM orders WHERE order_no = ? AND tenant_id = ? FOR UPDATE", orderNo);
    }

    @Override
    public Order update(Order changed) {
        try (PreparedStatement update = connection().prepareStatement(UPDATE)) {
            update.setString(1, changed.status().name());
            update.setString(2, SqlInstants.text(changed.paidAt()));
            setFen(update, 3, changed.paidAmount());
            update.setString(4, changed.tradeNo());
            update.setString(5, changed.refundRequestNo());
            setFen(update, 6, changed.refunded());
            update.setString(7, SqlInstants.text(changed.refundedAt()));
            update.setString(8, SqlInstants.text(changed.updatedAt()));
            update.setString(9, changed.id());
            update.setString(10, tenant());
            update.setInt(11, changed.version());
            if (update.executeUpdate() != 1) {
                throw new ConflictException("The order " + changed.orderNo() + " changed meanwhile: try again.");
            }
        } catch (SQLException e) {
            throw failure("update an order", e);
        }
        return changed.written();
    }

    @Override
    public Order updateConsignee(Order changed) {
        SealedPersonalData p = changed.personal();
        try (PreparedStatement update = connection().prepareStatement(UPDATE_CONSIGNEE)) {
            update.setString(1, p.consigneeName());
            update.setString(2, p.consigneePhone());
            update.setString(3, p.consigneePhoneIndex());
            update.setString(4, p.consigneeDistrictCode());
            update.setString(5, p.consigneeAddress());
            update.setString(6, p.consigneeAddressIndex());
            update.setString(7, SqlInstants.text(changed.updatedAt()));
            update.setString(8, changed.id());
            update.setString(9, tenant());
            update.setInt(10, changed.version());
            if (update.executeUpdate() != 1) {
                throw new ConflictException("The order " + changed.orderNo() + " changed meanwhile: try again.");
            }
        } catch (SQLException e) {
            throw failure("correct an order's consignee", e);
        }
        return changed.written();
    }

    @Override
    public void record(Order order, HistoryEntry entry) {
        try (PreparedStatement insert = connection().prepareStatement(INSERT_HISTORY)) {
            insert.setString(1, ids.nextId());
            insert.setString(2, order.id());
            insert.setString(3, order.tenant().value());
            insert.setString(4, entry.kind().name());
            insert.setString(5, entry.from() == null ? null : entry.from().name());
            insert.setString(6, entry.to().name());
            insert.setString(7, SqlInstants.text(entry.at()));
            insert.setString(8, entry.actor());
            insert.setString(9, entry.reason());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw failure("record order history", e);
        }
    }

    @Override
    public Optional<String> tokenHash(String orderNo) {
        try (PreparedStatement select = connection().prepareStatement(
                "SELECT token_hash FROM orders WHERE order_no = ? AND tenant_id = ?")) {
            select.setString(1, orderNo);
            select.setString(2, tenant());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read an order token", e);
        }
    }

    @Override
    public void saveTokenHash(String orderId, String tokenHash) {
        execute("UPDATE orders SET token_hash = ? WHERE id = ? AND tenant_id = ?", tokenHash, orderId);
    }

    @Override
    public List<OrderLine> lines(String orderId) {
        try (PreparedStatement select = connection().prepareStatement(LINES)) {
            select.setString(1, orderId);
            select.setString(2, tenant());
            List<OrderLine> lines = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    lines.add(new OrderLine(row.getInt(1), row.getString(2), row.getString(3), row.getString(4),
                            row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                            row.getString(10), row.getString(11), row.getBigDecimal(12), row.getString(13),
                            row.getBigDecimal(14), row.getBigDecimal(15), row.getBigDecimal(16),
                            TradeMode.ofCode(row.getString(17)).orElseThrow(), row.getInt(18),
                            Money.ofFen(row.getLong(19)), Money.ofFen(row.getLong(20)), Money.ofFen(row.getLong(21)),
                            new ImportTax(Money.ofFen(row.getLong(22)), Money.ofFen(row.getLong(23)),
                                    Money.ofFen(row.getLong(24)))));
                }
            }
            return lines;
        } catch (SQLException e) {
            throw failure("read order lines", e);
        }
    }

    @Override
    public List<HistoryEntry> history(String orderId) {
        try (PreparedStatement select = connection().prepareStatement(HISTORY)) {
            select.setString(1, orderId);
            select.setString(2, tenant());
            List<HistoryEntry> entries = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String from = row.getString(2);
                    entries.add(new HistoryEntry(HistoryEntry.Kind.valueOf(row.getString(1)),
                            from == null ? null : OrderStatus.valueOf(from), OrderStatus.valueOf(row.getString(3)),
                            SqlInstants.read(row, 4), row.getString(5), row.getString(6)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw failure("read order history", e);
        }
    }

    @Override
    public OrderPage list(OrderFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" FROM orders WHERE tenant_id = ?");
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
        if (filter.from() != null) {
            where.append(" AND placed_at >= ?");
            values.add(SqlInstants.text(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND placed_at < ?");
            values.add(SqlInstants.text(filter.to()));
        }
        Connection connection = connection();
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*)" + where);
             PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + where
                     + " ORDER BY placed_at DESC, id DESC LIMIT ? OFFSET ?")) {
            for (int i = 0; i < values.size(); i++) {
                count.setString(i + 1, values.get(i));
                select.setString(i + 1, values.get(i));
            }
            select.setInt(values.size() + 1, size);
            select.setLong(values.size() + 2, (long) page * size);
            long total;
            try (ResultSet row = count.executeQuery()) {
                row.next();
                total = row.getLong(1);
            }
            List<Order> items = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    items.add(read(row));
                }
            }
            return new OrderPage(items, total);
        } catch (SQLException e) {
            throw failure("list orders", e);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<Due> unpaidDue(Instant now, int limit) {
        try (PreparedStatement select = connection().prepareStatement("SELECT tenant_id, order_no FROM orders "
                + "WHERE status = 'PENDING_PAYMENT' AND payment_expires_at <= ? ORDER BY payment_expires_at LIMIT ?")) {
            select.setString(1, SqlInstants.text(now));
            select.setInt(2, limit);
            List<Due> due = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    due.add(new Due(TenantId.of(row.getString(1)), row.getString(2)));
                }
            }
            return due;
        } catch (SQLException e) {
            throw failure("find unpaid orders", e);
        }
    }

    private Optional<Order> one(String sql, String orderNo) {
        try (PreparedStatement select = connection().prepareStatement(sql)) {
            select.setString(1, orderNo);
            select.setString(2, tenant());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read an order", e);
        }
    }

    private void execute(String sql, String value, String orderId) {
        try (PreparedStatement update = connection().prepareStatement(sql)) {
            update.setString(1, value);
            update.setString(2, orderId);
            update.setString(3, tenant());
            update.executeUpdate();
        } catch (SQLException e) {
            throw failure("update an order", e);
        }
    }

    private static int bindOrder(PreparedStatement insert, Order order) throws SQLException {
        CheckoutAmounts amounts = order.amounts();
        SealedPersonalData personal = order.personal();
        int i = 1;
        insert.setString(i++, order.id());
        insert.setString(i++, order.tenant().value());
        insert.setString(i++, order.orderNo());
        insert.setString(i++, order.storeCode());
        insert.setString(i++, order.deviceId());
        insert.setString(i++, order.status().name());
        insert.setString(i++, order.tradeMode().code());
        insert.setString(i++, order.warehouseCode());
        insert.setString(i++, order.taxation().name());
        insert.setLong(i++, amounts.goodsValue().fen());
        insert.setLong(i++, amounts.freight().fen());
        insert.setLong(i++, amounts.insurance().fen());
        insert.setLong(i++, amounts.discount().fen());
        insert.setLong(i++, amounts.tax().fen());
        insert.setLong(i++, amounts.total().fen());
        insert.setLong(i++, order.quotaAmount().fen());
        if (order.quotaYear() == null) {
            insert.setNull(i++, Types.SMALLINT);
        } else {
            insert.setInt(i++, order.quotaYear().getValue());
        }
        insert.setString(i++, order.payMethod().name());
        insert.setString(i++, order.paymentLink());
        insert.setString(i++, SqlInstants.text(order.paymentExpiresAt()));
        insert.setString(i++, SqlInstants.text(order.paidAt()));
        setFen(insert, i++, order.paidAmount());
        insert.setString(i++, order.tradeNo());
        insert.setString(i++, order.refundRequestNo());
        setFen(insert, i++, order.refunded());
        insert.setString(i++, SqlInstants.text(order.refundedAt()));
        insert.setString(i++, SqlInstants.text(order.placedAt()));
        insert.setString(i++, SqlInstants.text(order.updatedAt()));
        insert.setInt(i++, order.version());
        for (String value : Arrays.asList(personal.buyerName(), personal.buyerIdNumber(), personal.buyerPhone(),
                personal.buyerIdIndex(), personal.buyerIdLast6Index(), personal.buyerPhoneIndex(),
                personal.consigneeName(), personal.consigneePhone(), personal.consigneePhoneIndex(),
                personal.consigneeDistrictCode(), personal.consigneeAddress(), personal.consigneeAddressIndex())) {
            insert.setString(i++, value);
        }
        return i;
    }

    private static void bindLine(PreparedStatement insert, Order order, OrderLine line) throws SQLException {
        insert.setString(1, order.id());
        insert.setInt(2, line.lineNo());
        insert.setString(3, order.tenant().value());
        insert.setString(4, line.sku());
        insert.setString(5, line.gtin());
        insert.setString(6, line.nameZh());
        insert.setString(7, line.nameEn());
        insert.setString(8, line.brand());
        insert.setString(9, line.hsCode());
        insert.setString(10, line.itemRecordNo());
        insert.setString(11, line.originCountry());
        insert.setString(12, line.unit());
        insert.setString(13, line.unit1());
        insert.setBigDecimal(14, line.qty1PerUnit());
        insert.setString(15, line.unit2());
        insert.setBigDecimal(16, line.qty2PerUnit());
        insert.setBigDecimal(17, line.grossWeightKg());
        insert.setBigDecimal(18, line.netWeightKg());
        insert.setString(19, line.tradeMode().code());
        insert.setInt(20, line.quantity());
        insert.setLong(21, line.unitPrice().fen());
        insert.setLong(22, line.value().fen());
        insert.setLong(23, line.dutiableValue().fen());
        insert.setLong(24, line.tax().tariff().fen());
        insert.setLong(25, line.tax().consumption().fen());
        insert.setLong(26, line.tax().vat().fen());
    }

    private static Order read(ResultSet row) throws SQLException {
        CheckoutAmounts amounts = new CheckoutAmounts(fen(row, 10), fen(row, 11), fen(row, 12), fen(row, 13),
                fen(row, 14), fen(row, 15));
        int year = row.getInt(17);
        Year quotaYear = row.wasNull() ? null : Year.of(year);
        SealedPersonalData personal = new SealedPersonalData(row.getString(30), row.getString(31), row.getString(32),
                row.getString(33), row.getString(34), row.getString(35), row.getString(36), row.getString(37),
                row.getString(38), row.getString(39), row.getString(40), row.getString(41));
        return new Order(row.getString(1), TenantId.of(row.getString(2)), row.getString(3), row.getString(4),
                row.getString(5), OrderStatus.valueOf(row.getString(6)), TradeMode.ofCode(row.getString(7)).orElseThrow(),
                row.getString(8), Taxation.valueOf(row.getString(9)), amounts, fen(row, 16), quotaYear,
                PayMethod.valueOf(row.getString(18)), row.getString(19), SqlInstants.read(row, 20),
                SqlInstants.read(row, 21), nullableFen(row, 22), row.getString(23), row.getString(24),
                nullableFen(row, 25), SqlInstants.read(row, 26), SqlInstants.read(row, 27),
                SqlInstants.read(row, 28), row.getInt(29), personal);
    }

    private static Money fen(ResultSet row, int column) throws SQLException {
        return Money.ofFen(row.getLong(column));
    }

    private static Money nullableFen(ResultSet row, int column) throws SQLException {
        long fen = row.getLong(column);
        return row.wasNull() ? null : Money.ofFen(fen);
    }

    private static void setFen(PreparedStatement statement, int index, Money amount) throws SQLException {
        if (amount == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, amount.fen());
        }
    }

    private static boolean isDuplicate(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("could not " + what, e);
    }

    private String tenant() {
        return currentTenant.require().value();
    }

    private Connection connection() {
        if (transactions.findTransactionStatus().isEmpty()) {
            throw new IllegalStateException("orders are read and written inside a transaction");
        }
        return transactions.getConnection();
    }
}
