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
 * audited ({@value #CHANGED}, one line per rule changed, with the figures); a new park's first settings are written
 * when it is created ({@link #onboard}, audited the same way under the platform admin creating it).
 */
@Singleton
public class RiskRuleBook {

    /** The audit action of every rule change. */
    public static final String CHANGED = "risk.rules.changed";

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
                save(parkAdmin, park, change, "");
            }
        }
        return of(park);
    }

    /**
     * A new park's first settings, {@link RiskRule#onboarding()} for every rule, saved in the transaction creating the
     * park (so the park never runs without them) and audited under the platform admin creating it.
     */
    @Transactional
    public ParkRules onboard(Actor platformAdmin, TenantId park) {
        for (RiskRule rule : RiskRule.values()) {
            save(platformAdmin, park, rule.onboarding(), " (the park's onboarding)");
        }
        return of(park);
    }

    private void save(Actor by, TenantId park, RuleSettings settings, String why) {
        store.save(park, settings, clock.instant(), by.id());
        audit.record(by, park, CHANGED, "risk_rule", settings.rule().name(), (settings.enabled() ? "on" : "off")
                + ", threshold " + settings.threshold() + ", window " + settings.windowHours() + " h, ratio "
                + settings.ratioPercent() + " %" + why);
    }
}
