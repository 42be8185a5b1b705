package io.vitrine.oversight.risk.infra;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.persistence.infra.TransactionalSql;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.infra.SqlInstants;
import io.vitrine.oversight.risk.RiskRule;
import io.vitrine.oversight.risk.RuleSettings;
import io.vitrine.oversight.risk.RuleSettingsStore;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** {@link RuleSettingsStore} on {@code risk_rule_settings}; a rule name this version does not know is skipped. */
@Singleton
class JdbcRuleSettingsStore implements RuleSettingsStore {

    private final TransactionalSql database;

    JdbcRuleSettingsStore(TransactionOperations<Connection> transactions) {
        this.database = new TransactionalSql(transactions, "risk rule settings");
    }

    @Override
    public Map<RiskRule, RuleSettings> of(TenantId scope) {
        Map<RiskRule, RuleSettings> saved = new EnumMap<>(RiskRule.class);
        database.query("SELECT rule_name, enabled, threshold, window_hours, ratio_percent FROM risk_rule_settings "
                + "WHERE scope_id = ?", row -> {
            for (RiskRule rule : RiskRule.values()) {
                if (rule.name().equals(row.getString(1))) {
                    saved.put(rule, new RuleSettings(rule, row.getBoolean(2), row.getInt(3), row.getInt(4),
                            row.getInt(5)));
                }
            }
            return Boolean.TRUE;
        }, scope.value());
        return saved;
    }

    @Override
    public void save(TenantId scope, RuleSettings s, Instant at, String by) {
        // a first save inserts; a concurrent first save loses the insert and updates instead
        if (update(scope, s, at, by) == 0 && !database.insertUnlessPresent("INSERT INTO risk_rule_settings (scope_id, "
                        + "rule_name, enabled, threshold, window_hours, ratio_percent, updated_at, updated_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", scope.value(), s.rule().name(), s.enabled(), s.threshold(),
                s.windowHours(), s.ratioPercent(), SqlInstants.text(at), by)) {
            update(scope, s, at, by);
        }
    }

    private int update(TenantId scope, RuleSettings s, Instant at, String by) {
        return database.execute("UPDATE risk_rule_settings SET enabled = ?, threshold = ?, window_hours = ?, "
                        + "ratio_percent = ?, updated_at = ?, updated_by = ? WHERE scope_id = ? AND rule_name = ?",
                s.enabled(), s.threshold(), s.windowHours(), s.ratioPercent(), SqlInstants.text(at), by, scope.value(),
                s.rule().name());
    }
}
