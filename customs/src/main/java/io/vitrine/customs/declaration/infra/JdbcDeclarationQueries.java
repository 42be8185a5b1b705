package io.vitrine.customs.declaration.infra;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.persistence.infra.TransactionalSql;
import io.vitrine.customs.declaration.Declaration;
import io.vitrine.customs.declaration.DeclarationMessage;
import io.vitrine.customs.declaration.DeclarationQueries;
import io.vitrine.customs.declaration.DeclarationStatus;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.infra.SqlInstants;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link DeclarationQueries} in hand-written SQL (H2 in MySQL mode and MariaDB): every statement starts from
 * {@code tenant_id IN (…)} with the ids it is given. Clearance times are {@code TIMESTAMPDIFF(SECOND, …)} between
 * the declaration's {@code created_at} and its first 800 receipt's {@code return_time}, one row per declaration
 * (a 800 delivered twice under two receipt ids counts once).
 */
@Singleton
class JdbcDeclarationQueries implements DeclarationQueries {

    private static final String COLUMNS = DeclarationRows.qualified(DeclarationRows.DECLARATION_COLUMNS, "d");
    private static final String MESSAGE_COLUMNS = DeclarationRows.qualified(DeclarationRows.MESSAGE_COLUMNS, "m");

    private final TransactionalSql database;

    JdbcDeclarationQueries(TransactionOperations<Connection> transactions) {
        this.database = new TransactionalSql(transactions, "declarations");
    }

    @Override
    public List<Declaration> list(Set<TenantId> tenants, DeclarationStatus status, String orderNo, int limit) {
        if (tenants.isEmpty()) {
            return List.of();
        }
        List<Object> values = new ArrayList<>(ids(tenants));
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM declarations d WHERE d.tenant_id IN ("
                + marks(tenants) + ")");
        if (status != null) {
            sql.append(" AND d.status = ?");
            values.add(status.name());
        }
        if (orderNo != null) {
            sql.append(" AND d.order_no = ?");
            values.add(orderNo);
        }
        sql.append(" ORDER BY d.created_at DESC, d.id LIMIT ").append(Math.max(1, Math.min(limit, 500)));
        return database.query(sql.toString(), DeclarationRows::declaration, values);
    }

    @Override
    public Optional<Declaration> find(Set<TenantId> tenants, String orderNo) {
        if (tenants.isEmpty()) {
            return Optional.empty();
        }
        List<Object> values = new ArrayList<>(ids(tenants));
        values.add(orderNo);
        return database.query("SELECT " + COLUMNS + " FROM declarations d WHERE d.tenant_id IN (" + marks(tenants)
                + ") AND d.order_no = ?", DeclarationRows::declaration, values).stream().findFirst();
    }

    @Override
    public Optional<DeclarationMessage> message(Set<TenantId> tenants, String orderNo, String guid) {
        if (tenants.isEmpty()) {
            return Optional.empty();
        }
        List<Object> values = new ArrayList<>(ids(tenants));
        values.add(orderNo);
        values.add(guid);
        return database.query("SELECT " + MESSAGE_COLUMNS + " FROM declaration_messages m WHERE m.tenant_id IN ("
                + marks(tenants) + ") AND m.order_no = ? AND m.guid = ?", DeclarationRows::message, values)
                .stream().findFirst();
    }

    @Override
    public Map<DeclarationStatus, Long> countsByStatus(Set<TenantId> tenants, Instant from, Instant to) {
        Map<DeclarationStatus, Long> counts = new EnumMap<>(DeclarationStatus.class);
        if (tenants.isEmpty()) {
            return counts;
        }
        List<Object> values = new ArrayList<>(ids(tenants));
        values.add(SqlInstants.text(from));
        values.add(SqlInstants.text(to));
        database.query("SELECT d.status, COUNT(*) FROM declarations d WHERE d.tenant_id IN (" + marks(tenants)
                + ") AND d.created_at >= ? AND d.created_at < ? GROUP BY d.status", row -> {
                    counts.put(DeclarationStatus.valueOf(row.getString(1)), row.getLong(2));
                    return null;
                }, values);
        return counts;
    }

    @Override
    public Optional<Declaration> oldestStuck(Set<TenantId> tenants, Set<DeclarationStatus> finalStatuses) {
        if (tenants.isEmpty()) {
            return Optional.empty();
        }
        List<Object> values = new ArrayList<>(ids(tenants));
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM declarations d WHERE d.tenant_id IN ("
                + marks(tenants) + ")");
        if (!finalStatuses.isEmpty()) {
            sql.append(" AND d.status NOT IN (").append(marks(finalStatuses)).append(')');
            finalStatuses.forEach(status -> values.add(status.name()));
        }
        sql.append(" ORDER BY d.updated_at, d.id LIMIT 1");
        return database.query(sql.toString(), DeclarationRows::declaration, values).stream().findFirst();
    }

    @Override
    public ClearanceSummary clearance(Set<TenantId> tenants, Instant from, Instant to) {
        if (tenants.isEmpty()) {
            return new ClearanceSummary(0, null);
        }
        List<Object> values = releasedValues(tenants, from, to);
        return database.query("SELECT COUNT(*), AVG(c.seconds) FROM (" + released(tenants) + ") c", row -> {
            long count = row.getLong(1);
            double average = row.getDouble(2);
            return new ClearanceSummary(count, count == 0 || row.wasNull() ? null : average);
        }, values).get(0);
    }

    @Override
    public OptionalLong clearanceAt(Set<TenantId> tenants, Instant from, Instant to, long index) {
        if (tenants.isEmpty() || index < 0) {
            return OptionalLong.empty();
        }
        List<Object> values = releasedValues(tenants, from, to);
        return database.query("SELECT c.seconds FROM (" + released(tenants) + ") c ORDER BY c.seconds LIMIT 1 OFFSET " + index,
                row -> row.getLong(1), values).stream().mapToLong(Long::longValue).findFirst();
    }

    /** One row per declaration released in [from, to): its clearance time in seconds. */
    private static String released(Set<TenantId> tenants) {
        return "SELECT TIMESTAMPDIFF(SECOND, d.created_at, r.released_at) AS seconds FROM declarations d "
                + "JOIN (SELECT tenant_id, order_no, MIN(return_time) AS released_at FROM declaration_receipts "
                + "WHERE tenant_id IN (" + marks(tenants) + ") AND return_status = 800 GROUP BY tenant_id, order_no) r "
                + "ON r.tenant_id = d.tenant_id AND r.order_no = d.order_no "
                + "WHERE d.tenant_id IN (" + marks(tenants) + ") AND r.released_at >= ? AND r.released_at < ?";
    }

    private static List<Object> releasedValues(Set<TenantId> tenants, Instant from, Instant to) {
        List<Object> values = new ArrayList<>(ids(tenants));
        values.addAll(ids(tenants));
        values.add(SqlInstants.text(from));
        values.add(SqlInstants.text(to));
        return values;
    }

    private static List<String> ids(Set<TenantId> tenants) {
        return tenants.stream().map(TenantId::value).sorted().toList();
    }

    private static String marks(Set<?> values) {
        return values.stream().map(v -> "?").collect(Collectors.joining(", "));
    }
}
