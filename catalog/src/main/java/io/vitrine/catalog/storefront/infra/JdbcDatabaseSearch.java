package io.vitrine.catalog.storefront.infra;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.catalog.products.Product;
import io.vitrine.catalog.storefront.DatabaseSearch;
import io.vitrine.catalog.storefront.ShopperQuery;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@link DatabaseSearch} in plain SQL over {@code products}, portable to H2 and MariaDB (LIKE on lower-cased
 * columns, no full-text index). Hand-written, so every statement starts with {@code tenant_id = ?}; the page's
 * products are then loaded by the generated, tenant-filtered {@link ShopperProductRows}.
 */
@Singleton
class JdbcDatabaseSearch implements DatabaseSearch {

    private final TransactionOperations<Connection> transactions;
    private final ShopperProductRows rows;

    JdbcDatabaseSearch(TransactionOperations<Connection> transactions, ShopperProductRows rows) {
        this.transactions = transactions;
        this.rows = rows;
    }

    @Override
    public Found search(TenantId tenant, ShopperQuery query, @Nullable String storeWarehouse) {
        List<Object> parameters = new ArrayList<>();
        String where = where(tenant, query, storeWarehouse, parameters);
        return transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            long total = select(connection, "SELECT COUNT(*) FROM products" + where, parameters, r -> r.getLong(1)).get(0);
            List<Object> paged = new ArrayList<>(parameters);
            paged.add(query.size());
            paged.add((long) query.page() * query.size());
            List<String> ids = select(connection, "SELECT id FROM products" + where + " ORDER BY " + order(query)
                    + " LIMIT ? OFFSET ?", paged, r -> r.getString(1));
            Map<String, Product> byId = ids.isEmpty() ? Map.of()
                    : rows.findByIdIn(ids).stream().collect(Collectors.toMap(Product::id, Function.identity()));
            return new Found(total, ids.stream().map(byId::get).filter(p -> p != null).toList());
        });
    }

    @Override
    public List<String> suggest(TenantId tenant, String prefix, int limit) {
        String like = escapeLike(prefix.toLowerCase(Locale.ROOT)) + "%";
        return transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            Set<String> completions = new LinkedHashSet<>(select(connection,
                    "SELECT brand FROM products WHERE tenant_id = ? AND LOWER(brand) LIKE ? "
                            + "GROUP BY brand ORDER BY COUNT(*) DESC, brand LIMIT ?",
                    List.of(tenant.value(), like, limit), r -> r.getString(1)));
            completions.addAll(select(connection,
                    "SELECT name_zh FROM products WHERE tenant_id = ? AND (LOWER(name_zh) LIKE ? OR LOWER(name_en) LIKE ?) "
                            + "GROUP BY name_zh ORDER BY COUNT(*) DESC, name_zh LIMIT ?",
                    List.of(tenant.value(), like, like, limit), r -> r.getString(1)));
            return completions.stream().limit(limit).toList();
        });
    }

    private static String where(TenantId tenant, ShopperQuery query, String storeWarehouse, List<Object> parameters) {
        StringBuilder where = new StringBuilder(" WHERE tenant_id = ?");
        parameters.add(tenant.value());
        if (query.q() != null) {
            String like = "%" + escapeLike(query.q().toLowerCase(Locale.ROOT)) + "%";
            where.append(" AND (LOWER(sku) LIKE ? OR LOWER(gtin) LIKE ? OR LOWER(name_zh) LIKE ?"
                    + " OR LOWER(name_en) LIKE ? OR LOWER(brand) LIKE ?)");
            for (int i = 0; i < 5; i++) {
                parameters.add(like);
            }
        }
        equal(where, parameters, "brand", query.brand());
        equal(where, parameters, "origin_country", query.origin());
        equal(where, parameters, "trade_mode", query.tradeMode());
        if (query.category() != null) {
            where.append(" AND (category_path = ? OR category_path LIKE ?)");
            parameters.add(query.category());
            parameters.add(escapeLike(query.category()) + "/%");
        }
        if (query.priceMinFen() != null) {
            where.append(" AND price_fen >= ?");
            parameters.add(query.priceMinFen());
        }
        if (query.priceMaxFen() != null) {
            where.append(" AND price_fen <= ?");
            parameters.add(query.priceMaxFen());
        }
        if (query.store() != null) {
            // the store's assortment and stock: the tables of catalog.assortment and catalog.stock (V12, V11)
            where.append(" AND sku IN (SELECT a.sku FROM store_assortment_skus a WHERE a.tenant_id = ? AND a.store_code = ?)");
            parameters.add(tenant.value());
            parameters.add(query.store());
            if (query.inStock()) {
                where.append(" AND sku IN (SELECT l.sku FROM stock_levels l WHERE l.tenant_id = ? AND l.warehouse_code = ?"
                        + " AND l.on_hand - l.reserved > 0)");
                parameters.add(tenant.value());
                parameters.add(storeWarehouse);
            }
        }
        return where.toString();
    }

    private static void equal(StringBuilder where, List<Object> parameters, String column, String value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = ?");
            parameters.add(value);
        }
    }

    /** Without an engine there is no relevance: SKU order stands in for it. */
    private static String order(ShopperQuery query) {
        return switch (query.sort()) {
            case RELEVANCE -> "sku";
            case PRICE_ASC -> "price_fen, sku";
            case PRICE_DESC -> "price_fen DESC, sku";
            case NEWEST -> "created_at DESC, sku";
        };
    }

    /** Typed '%' and '_' match themselves (the default LIKE escape is '\' on MySQL, MariaDB and H2). */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static <T> List<T> select(Connection connection, String sql, List<Object> parameters, Row<T> row) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            List<T> found = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    found.add(row.read(result));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("the storefront's database search failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }
}
