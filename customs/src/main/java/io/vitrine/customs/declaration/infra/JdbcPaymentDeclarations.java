package io.vitrine.customs.declaration.infra;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.persistence.infra.TransactionalSql;
import io.vitrine.customs.declaration.PaymentDeclaration;
import io.vitrine.customs.declaration.PaymentDeclarations;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.infra.SqlInstants;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** {@link PaymentDeclarations} in {@code declaration_payments}; every statement filtered by the tenant. */
@Singleton
class JdbcPaymentDeclarations implements PaymentDeclarations {

    private static final String COLUMNS = "tenant_id, order_no, out_request_no, status, alipay_declare_no, pay_code, "
            + "pay_transaction_id, ver_dept, identity_check, attempts, last_error, created_at, updated_at";

    private final TransactionalSql database;

    JdbcPaymentDeclarations(TransactionOperations<Connection> transactions) {
        this.database = new TransactionalSql(transactions, "payment declarations");
    }

    @Override
    public boolean insert(PaymentDeclaration d) {
        // the order number is unique platform-wide: any tenant's row for it means "already there"
        if (database.exists("SELECT 1 FROM declaration_payments WHERE order_no = ?", d.orderNo())) {
            return false;
        }
        database.execute("INSERT INTO declaration_payments (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                d.tenant().value(), d.orderNo(), d.outRequestNo(), d.state().name(), d.alipayDeclareNo(), d.payCode(),
                d.payTransactionId(), d.verDept(), d.identityCheck(), d.attempts(), d.lastError(),
                SqlInstants.text(d.createdAt()), SqlInstants.text(d.updatedAt()));
        return true;
    }

    @Override
    public Optional<PaymentDeclaration> find(TenantId tenant, String orderNo) {
        return database.first("SELECT " + COLUMNS + " FROM declaration_payments WHERE tenant_id = ? AND order_no = ?",
                JdbcPaymentDeclarations::declaration, tenant.value(), orderNo);
    }

    @Override
    public Optional<PaymentDeclaration> lock(TenantId tenant, String orderNo) {
        return database.first("SELECT " + COLUMNS + " FROM declaration_payments WHERE tenant_id = ? AND order_no = ? FOR UPDATE",
                JdbcPaymentDeclarations::declaration, tenant.value(), orderNo);
    }

    @Override
    public void update(PaymentDeclaration d) {
        int rows = database.execute("UPDATE declaration_payments SET status = ?, alipay_declare_no = ?, pay_code = ?, "
                        + "pay_transaction_id = ?, ver_dept = ?, identity_check = ?, attempts = ?, last_error = ?, "
                        + "updated_at = ? WHERE tenant_id = ? AND order_no = ?", d.state().name(), d.alipayDeclareNo(),
                d.payCode(), d.payTransactionId(), d.verDept(), d.identityCheck(), d.attempts(), d.lastError(),
                SqlInstants.text(d.updatedAt()), d.tenant().value(), d.orderNo());
        if (rows != 1) {
            throw new IllegalStateException("payment declaration of " + d.orderNo() + " vanished");
        }
    }

    private static PaymentDeclaration declaration(ResultSet row) throws SQLException {
        return new PaymentDeclaration(TenantId.of(row.getString(1)), row.getString(2), row.getString(3),
                PaymentDeclaration.State.valueOf(row.getString(4)), row.getString(5), row.getString(6),
                row.getString(7), row.getString(8), row.getString(9), row.getInt(10), row.getString(11),
                SqlInstants.read(row, 12), SqlInstants.read(row, 13));
    }
}
