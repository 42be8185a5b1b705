package io.vitrine.catalog.products.infra;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.catalog.products.ProductsByHsCode;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * One indexed read ({@code ix_products_hs_code}) across tenants: plain JDBC because it deliberately has no tenant
 * filter (the repositories' discriminator would add the current tenant's).
 */
@Singleton
class JdbcProductsByHsCode implements ProductsByHsCode {

    private final TransactionOperations<Connection> transactions;

    JdbcProductsByHsCode(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public List<TenantSku> find(Collection<String> hsCodes) {
        if (hsCodes.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", Collections.nCopies(hsCodes.size(), "?"));
        try (PreparedStatement select = transactions.getConnection().prepareStatement(
                "SELECT tenant_id, sku FROM products WHERE hs_code IN (" + marks + ") ORDER BY tenant_id, sku")) {
            int index = 1;
            for (String code : hsCodes) {
                select.setString(index++, code);
            }
            List<TenantSku> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new TenantSku(TenantId.of(rows.getString(1)), rows.getString(2)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the products of " + hsCodes.size() + " HS codes", e);
        }
    }
}
