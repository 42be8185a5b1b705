package io.vitrine.oversight.risk.infra;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.persistence.infra.TransactionalSql;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.infra.SqlInstants;
import io.vitrine.oversight.risk.ScreenedOrder;
import io.vitrine.oversight.risk.ScreeningHistory;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Instant;

/**
 * {@link ScreeningHistory} on {@code risk_screenings}: each count one indexed range read
 * ({@code ix_risk_screenings_*}: scope or tenant, the index, then the payment time).
 */
@Singleton
class JdbcScreeningHistory implements ScreeningHistory {

    private final TransactionalSql database;

    JdbcScreeningHistory(TransactionOperations<Connection> transactions) {
        this.database = new TransactionalSql(transactions, "risk screenings");
    }

    @Override
    public boolean record(ScreenedOrder o) {
        return database.insertUnlessPresent("INSERT INTO risk_screenings (order_no, tenant_id, scope_id, store_code, "
                        + "buyer_id_index, consignee_phone_index, consignee_address_index, price_fen, paid_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", o.orderNo(), o.tenant().value(), o.scope().value(),
                o.storeCode(), o.buyerIdIndex(), o.consigneePhoneIndex(), o.consigneeAddressIndex(), o.priceFen(),
                SqlInstants.text(o.paidAt()));
    }

    @Override
    public int ordersOfBuyer(TenantId scope, String buyerIdIndex, Instant from, Instant to) {
        return count("SELECT COUNT(*) FROM risk_screenings WHERE scope_id = ? AND buyer_id_index = ? "
                + "AND paid_at BETWEEN ? AND ?", scope.value(), buyerIdIndex, SqlInstants.text(from), SqlInstants.text(to));
    }

    @Override
    public int ordersOfBuyerFrom(TenantId scope, String buyerIdIndex, long minPriceFen, Instant from, Instant to) {
        return count("SELECT COUNT(*) FROM risk_screenings WHERE scope_id = ? AND buyer_id_index = ? "
                        + "AND paid_at BETWEEN ? AND ? AND price_fen >= ?", scope.value(), buyerIdIndex,
                SqlInstants.text(from), SqlInstants.text(to), minPriceFen);
    }

    @Override
    public int buyersToAddress(TenantId scope, String addressIndex, Instant from, Instant to) {
        return count("SELECT COUNT(DISTINCT buyer_id_index) FROM risk_screenings WHERE scope_id = ? "
                        + "AND consignee_address_index = ? AND paid_at BETWEEN ? AND ?", scope.value(), addressIndex,
                SqlInstants.text(from), SqlInstants.text(to));
    }

    @Override
    public int buyersToPhone(TenantId scope, String phoneIndex, Instant from, Instant to) {
        return count("SELECT COUNT(DISTINCT buyer_id_index) FROM risk_screenings WHERE scope_id = ? "
                        + "AND consignee_phone_index = ? AND paid_at BETWEEN ? AND ?", scope.value(), phoneIndex,
                SqlInstants.text(from), SqlInstants.text(to));
    }

    @Override
    public int identityFailuresOfBuyer(TenantId scope, String buyerIdIndex, Instant from, Instant to) {
        return count("SELECT COUNT(*) FROM risk_screenings WHERE scope_id = ? AND buyer_id_index = ? "
                        + "AND paid_at BETWEEN ? AND ? AND identity_failed_at IS NOT NULL", scope.value(), buyerIdIndex,
                SqlInstants.text(from), SqlInstants.text(to));
    }

    @Override
    public int storeOrders(TenantId tenant, String storeCode, Instant from, Instant to) {
        return count("SELECT COUNT(*) FROM risk_screenings WHERE tenant_id = ? AND store_code = ? "
                        + "AND paid_at BETWEEN ? AND ?", tenant.value(), storeCode, SqlInstants.text(from),
                SqlInstants.text(to));
    }

    @Override
    public boolean identityFailed(String orderNo, Instant at) {
        return database.execute("UPDATE risk_screenings SET identity_failed_at = ? WHERE order_no = ? "
                + "AND identity_failed_at IS NULL", SqlInstants.text(at), orderNo) == 1;
    }

    private int count(String sql, Object... values) {
        return database.first(sql, row -> row.getInt(1), values).orElse(0);
    }
}
