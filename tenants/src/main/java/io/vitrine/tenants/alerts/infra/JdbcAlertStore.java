package io.vitrine.tenants.alerts.infra;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.infra.SqlInstants;
import io.vitrine.tenants.alerts.Alert;
import io.vitrine.tenants.alerts.AlertSeverity;
import io.vitrine.tenants.alerts.AlertStore;
import io.vitrine.tenants.alerts.NewAlert;
import io.vitrine.tenants.alerts.WebhookDelivery;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code alerts} in hand-written SQL, so every statement names the tenant itself. {@code INSERT IGNORE} on the
 * unique (tenant, kind, subject) makes the second raise a no-op without failing the caller's transaction (H2 in
 * MySQL mode and MariaDB both answer 0 rows for the ignored one).
 */
@Singleton
class JdbcAlertStore implements AlertStore {

    private static final String COLUMNS = "id, kind, severity, subject, message, details, occurred_at, delivery, "
            + "delivery_attempts, delivered_at, last_delivery_error, acknowledged_at, acknowledged_by";

    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;

    JdbcAlertStore(TransactionOperations<Connection> transactions, JsonMapper json) {
        this.transactions = transactions;
        this.json = json;
    }

    @Override
    public boolean addIfAbsent(TenantId tenant, String id, NewAlert alert, Instant occurredAt) {
        return update("INSERT IGNORE INTO alerts (id, tenant_id, kind, severity, subject, message, details, "
                        + "occurred_at, delivery, delivery_attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                id, tenant.value(), alert.kind(), alert.severity().name(), alert.subject(), alert.message(),
                alert.details().isEmpty() ? null : write(alert.details()), SqlInstants.text(occurredAt),
                WebhookDelivery.PENDING.name()) == 1;
    }

    @Override
    public Optional<Alert> find(TenantId tenant, String id) {
        return query("SELECT " + COLUMNS + " FROM alerts WHERE tenant_id = ? AND id = ?", tenant.value(), id)
                .stream().findFirst();
    }

    @Override
    public long count(TenantId tenant, @Nullable String kind, @Nullable Instant since) {
        List<Object> parameters = new ArrayList<>();
        String where = where(tenant, kind, since, parameters);
        return transactions.executeRead(status -> {
            try (PreparedStatement select = prepare(status.getConnection(), "SELECT COUNT(*) FROM alerts" + where,
                    parameters.toArray()); ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException("counting alerts failed", e);
            }
        });
    }

    @Override
    public List<Alert> page(TenantId tenant, @Nullable String kind, @Nullable Instant since, long offset, int limit) {
        List<Object> parameters = new ArrayList<>();
        String where = where(tenant, kind, since, parameters);
        parameters.add(limit);
        parameters.add(offset);
        return query("SELECT " + COLUMNS + " FROM alerts" + where + " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?",
                parameters.toArray());
    }

    @Override
    public void recordDelivery(TenantId tenant, String id, WebhookDelivery state, boolean attempted,
                               @Nullable Instant deliveredAt, @Nullable String error) {
        update("UPDATE alerts SET delivery = ?, delivery_attempts = delivery_attempts + ?, delivered_at = ?, "
                        + "last_delivery_error = COALESCE(?, last_delivery_error) WHERE tenant_id = ? AND id = ?",
                state.name(), attempted ? 1 : 0, SqlInstants.text(deliveredAt), error, tenant.value(), id);
    }

    @Override
    public boolean acknowledge(TenantId tenant, String id, Instant at, @Nullable String by) {
        if (find(tenant, id).isEmpty()) {
            return false;
        }
        update("UPDATE alerts SET acknowledged_at = ?, acknowledged_by = ? "
                + "WHERE tenant_id = ? AND id = ? AND acknowledged_at IS NULL", SqlInstants.text(at), by, tenant.value(), id);
        return true;
    }

    private static String where(TenantId tenant, @Nullable String kind, @Nullable Instant since, List<Object> parameters) {
        StringBuilder sql = new StringBuilder(" WHERE tenant_id = ?");
        parameters.add(tenant.value());
        if (kind != null) {
            sql.append(" AND kind = ?");
            parameters.add(kind);
        }
        if (since != null) {
            sql.append(" AND occurred_at >= ?");
            parameters.add(SqlInstants.text(since));
        }
        return sql.toString();
    }

    private int update(String sql, Object... parameters) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement statement = prepare(status.getConnection(), sql, parameters)) {
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("writing alerts failed", e);
            }
        });
    }

    private List<Alert> query(String sql, Object... parameters) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = prepare(status.getConnection(), sql, parameters);
                 ResultSet row = select.executeQuery()) {
                List<Alert> alerts = new ArrayList<>();
                while (row.next()) {
                    alerts.add(new Alert(row.getString(1), row.getString(2), AlertSeverity.valueOf(row.getString(3)),
                            row.getString(4), row.getString(5), read(row.getString(6)), SqlInstants.read(row, 7),
                            WebhookDelivery.valueOf(row.getString(8)), row.getInt(9), SqlInstants.read(row, 10),
                            row.getString(11), SqlInstants.read(row, 12), row.getString(13)));
                }
                return alerts;
            } catch (SQLException e) {
                throw new IllegalStateException("reading alerts failed", e);
            }
        });
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            Object parameter = parameters[i];
            if (parameter == null) {
                statement.setNull(i + 1, java.sql.Types.VARCHAR);
            } else if (parameter instanceof Number number) {
                statement.setLong(i + 1, number.longValue());
            } else {
                statement.setString(i + 1, parameter.toString());
            }
        }
        return statement;
    }

    private String write(Map<String, String> details) {
        try {
            return json.writeValueAsString(details);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> read(@Nullable String details) {
        if (details == null) {
            return Map.of();
        }
        try {
            return json.readValue(details, Argument.mapOf(String.class, String.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
