package io.vitrine.orders.payment.reconciliation.infra;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.payment.reconciliation.AlipayMerchants;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The tenants whose settings hold an Alipay app or an app_auth_token. Reads tenants' {@code tenant_settings}
 * directly (one column test, for the daily round only): the tenants module has no "all tenants with Alipay" query,
 * and {@code Settings} reads one tenant at a time.
 */
@Singleton
class JdbcAlipayMerchants implements AlipayMerchants {

    private static final String SELECT = "SELECT s.tenant_id FROM tenant_settings s "
            + "WHERE s.alipay_app_id IS NOT NULL OR s.alipay_auth_token_enc IS NOT NULL ORDER BY s.tenant_id";

    private final TransactionOperations<Connection> transactions;

    JdbcAlipayMerchants(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public List<TenantId> withAlipay() {
        return transactions.executeRead(status -> {
            List<TenantId> tenants = new ArrayList<>();
            try (PreparedStatement select = status.getConnection().prepareStatement(SELECT);
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    tenants.add(TenantId.of(rows.getString(1)));
                }
            }
            return tenants;
        });
    }
}
