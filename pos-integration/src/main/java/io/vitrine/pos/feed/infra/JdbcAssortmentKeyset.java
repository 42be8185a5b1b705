package io.vitrine.pos.feed.infra;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.pos.feed.AssortmentKeyset;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads catalog's {@code store_assortment_skus} (read only) along its unique key (tenant, store, SKU): each page is
 * one range scan of that index. The catalog's repository pages by offset, which grows slower with depth and shifts
 * when the assortment changes between pages.
 */
@Singleton
class JdbcAssortmentKeyset implements AssortmentKeyset {

    private final TransactionOperations<Connection> transactions;
    private final CurrentTenant currentTenant;

    JdbcAssortmentKeyset(TransactionOperations<Connection> transactions, CurrentTenant currentTenant) {
        this.transactions = transactions;
        this.currentTenant = currentTenant;
    }

    @Override
    public List<String> after(String storeCode, String afterSku, int limit) {
        try (PreparedStatement select = transactions.getConnection().prepareStatement("SELECT sku FROM "
                + "store_assortment_skus WHERE tenant_id = ? AND store_code = ? AND sku > ? ORDER BY sku LIMIT ?")) {
            select.setString(1, currentTenant.require().value());
            select.setString(2, storeCode);
            select.setString(3, afterSku);
            select.setInt(4, limit);
            List<String> skus = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    skus.add(rows.getString(1));
                }
            }
            return skus;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the store's assortment", e);
        }
    }
}
