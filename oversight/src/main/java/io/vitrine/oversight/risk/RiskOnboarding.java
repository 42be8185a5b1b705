package io.vitrine.oversight.risk;

import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.parks.ParkSetup;
import io.vitrine.tenants.registry.Tenant;
import jakarta.inject.Singleton;

/**
 * A new park starts with its risk rules written ({@link RiskRule#onboarding()}), in the transaction that creates it:
 * tenants' {@link ParkSetup}, so a park onboarded from now on screens its members' first paid order. Parks created
 * before keep what they had (nothing saved: every rule off until their admin turns one on).
 */
@Singleton
class RiskOnboarding implements ParkSetup {

    private final RiskRuleBook rules;

    RiskOnboarding(RiskRuleBook rules) {
        this.rules = rules;
    }

    @Override
    public void setUp(Actor platformAdmin, Tenant park) {
        rules.onboard(platformAdmin, park.tenantId());
    }
}
