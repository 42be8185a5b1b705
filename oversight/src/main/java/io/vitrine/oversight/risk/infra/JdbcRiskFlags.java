package io.vitrine.oversight.risk.infra;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.persistence.infra.TransactionalSql;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.infra.SqlInstants;
import io.vitrine.oversight.risk.FlagStatus;
import io.vitrine.oversight.risk.RiskFlag;
import io.vitrine.oversight.risk.RiskFlags;
import io.vitrine.oversight.risk.RiskRule;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link RiskFlags} on {@code risk_flags}: every read of a list or a flag starts from {@code tenant_id IN (…)} with
 * the tenants it is given (none: nothing), so another park's flag is never found.
 */
@Singleton
class JdbcRiskFlags implements RiskFlags {

    private static final String COLUMNS = "id, tenant_id, scope_id, order_no, store_code, rules, evidence, status, "
            + "created_at, resolved_at, resolved_by, note";

    private final TransactionalSql database;

    JdbcRiskFlags(TransactionOperations<Connection> transactions) {
        this.database = new TransactionalSql(transactions, "risk flags");
    }

    @Override
    public boolean add(RiskFlag f) {
        return database.insertUnlessPresent("INSERT INTO risk_flags (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?)", f.id(), f.tenant().value(), f.scope().value(), f.orderNo(), f.storeCode(),
                f.rules().stream().map(Enum::name).collect(Collectors.joining(",")), f.evidence(), f.status().name(),
                SqlInstants.text(f.createdAt()), SqlInstants.text(f.resolvedAt()), f.resolvedBy(), f.note());
    }

    @Override
    public Optional<RiskFlag> ofOrder(String orderNo) {
        return database.first("SELECT " + COLUMNS + " FROM risk_flags WHERE order_no = ?", JdbcRiskFlags::flag, orderNo);
    }

    @Override
    public Optional<RiskFlag> find(Set<TenantId> tenants, String id) {
        if (tenants.isEmpty()) {
            return Optional.empty();
        }
        List<Object> values = ids(tenants);
        values.add(id);
        return database.query("SELECT " + COLUMNS + " FROM risk_flags WHERE tenant_id IN (" + marks(tenants)
                + ") AND id = ?", JdbcRiskFlags::flag, values).stream().findFirst();
    }

    @Override
    public List<RiskFlag> list(Set<TenantId> tenants, FlagStatus status, int limit) {
        if (tenants.isEmpty()) {
            return List.of();
        }
        List<Object> values = ids(tenants);
        String sql = "SELECT " + COLUMNS + " FROM risk_flags WHERE tenant_id IN (" + marks(tenants) + ")";
        if (status != null) {
            sql += " AND status = ?";
            values.add(status.name());
        }
        sql += " ORDER BY created_at DESC, id LIMIT " + Math.max(1, Math.min(limit, 500));
        return database.query(sql, JdbcRiskFlags::flag, values);
    }

    @Override
    public boolean resolve(String id, FlagStatus outcome, Instant at, String by, String note) {
        return database.execute("UPDATE risk_flags SET status = ?, resolved_at = ?, resolved_by = ?, note = ? "
                + "WHERE id = ? AND status = ?", outcome.name(), SqlInstants.text(at), by, note, id,
                FlagStatus.OPEN.name()) == 1;
    }

    @Override
    public Map<TenantId, Integer> countsSince(Set<TenantId> tenants, Instant from) {
        Map<TenantId, Integer> counts = new HashMap<>();
        if (tenants.isEmpty()) {
            return counts;
        }
        List<Object> values = ids(tenants);
        values.add(SqlInstants.text(from));
        database.query("SELECT tenant_id, COUNT(*) FROM risk_flags WHERE tenant_id IN (" + marks(tenants)
                + ") AND created_at >= ? GROUP BY tenant_id", row -> counts.put(TenantId.of(row.getString(1)),
                row.getInt(2)), values);
        return counts;
    }

    private static RiskFlag flag(ResultSet row) throws SQLException {
        List<RiskRule> rules = Arrays.stream(row.getString(6).split(",")).filter(s -> !s.isBlank())
                .flatMap(name -> Arrays.stream(RiskRule.values()).filter(r -> r.name().equals(name))).toList();
        return new RiskFlag(row.getString(1), TenantId.of(row.getString(2)), TenantId.of(row.getString(3)),
                row.getString(4), row.getString(5), rules, row.getString(7), FlagStatus.valueOf(row.getString(8)),
                SqlInstants.read(row, 9), SqlInstants.read(row, 10), row.getString(11), row.getString(12));
    }

    private static List<Object> ids(Set<TenantId> tenants) {
        return new ArrayList<>(tenants.stream().map(TenantId::value).toList());
    }

    private static String marks(Set<TenantId> tenants) {
        return String.join(", ", Collections.nCopies(tenants.size(), "?"));
    }
}
