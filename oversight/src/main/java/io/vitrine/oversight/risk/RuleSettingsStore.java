package io.vitrine.oversight.risk;

import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;
import java.util.Map;

/** The parks' saved rule settings (table {@code risk_rule_settings}). Implemented in {@code infra}. */
public interface RuleSettingsStore {

    /** The settings the park saved, by rule (rules it never changed are absent). */
    Map<RiskRule, RuleSettings> of(TenantId scope);

    void save(TenantId scope, RuleSettings settings, Instant at, String by);
}
