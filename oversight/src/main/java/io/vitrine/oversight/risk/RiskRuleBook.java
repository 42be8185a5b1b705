package io.vitrine.oversight.risk;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;
import io.vitrine.tenants.audit.AuditTrail;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/**
 * A park's rule settings: read by the screening and the park's staff, changed by its PARK_ADMIN only, each change
 * audited ({@code risk.rules.changed}, one line per rule changed, with the figures).
 */
@Singleton
public class RiskRuleBook {

    private final RuleSettingsStore store;
    private final AuditTrail audit;
    private final Clock clock;

    RiskRuleBook(RuleSettingsStore store, AuditTrail audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ParkRules of(TenantId scope) {
        return ParkRules.of(scope, store.of(scope));
    }

    /**
     * Saves the settings given (400 naming {@code rules[i].<field>} for a figure out of range; nothing saved then).
     * @throws NotFoundException when the actor is not a park's admin
     */
    @Transactional
    public ParkRules update(Actor parkAdmin, List<RuleSettings> changes) {
        TenantId park = parkAdmin.tenantId().filter(t -> parkAdmin.is(StaffRole.PARK_ADMIN))
                .orElseThrow(() -> new NotFoundException("No such park."));
        FieldChecks checks = new FieldChecks();
        for (int i = 0; i < changes.size(); i++) {
            changes.get(i).check(checks, "rules[" + i + "].");
        }
        checks.throwIfAny();
        ParkRules before = of(park);
        for (RuleSettings change : changes) {
            if (!change.equals(before.of(change.rule()))) {
                store.save(park, change, clock.instant(), parkAdmin.id());
                audit.record(parkAdmin, park, "risk.rules.changed", "risk_rule", change.rule().name(),
                        (change.enabled() ? "on" : "off") + ", threshold " + change.threshold() + ", window "
                                + change.windowHours() + " h, ratio " + change.ratioPercent() + " %");
            }
        }
        return of(park);
    }
}
