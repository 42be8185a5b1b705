package io.vitrine.oversight.risk;

import io.vitrine.kernel.tenancy.TenantId;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every rule's settings in one park: what it saved, the defaults for the rest. */
public record ParkRules(TenantId scope, Map<RiskRule, RuleSettings> settings) {

    static ParkRules of(TenantId scope, Map<RiskRule, RuleSettings> saved) {
        Map<RiskRule, RuleSettings> all = new EnumMap<>(RiskRule.class);
        for (RiskRule rule : RiskRule.values()) {
            all.put(rule, saved.getOrDefault(rule, rule.defaults()));
        }
        return new ParkRules(scope, Map.copyOf(all));
    }

    public RuleSettings of(RiskRule rule) {
        return settings.get(rule);
    }

    /** In the rules' order. */
    public List<RuleSettings> all() {
        return java.util.Arrays.stream(RiskRule.values()).map(settings::get).toList();
    }
}
