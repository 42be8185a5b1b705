package io.vitrine.tenants.parks;

import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.registry.Tenant;

/**
 * What a module above tenants sets up in every new park, called by {@link ParkOnboarding} in the transaction that
 * creates the park: the park, its admin's invitation, its audit line and whatever the setups write commit together,
 * or none of them does. tenants knows no implementation (oversight's risk rules are one); with none, a park is the
 * park alone.
 */
public interface ParkSetup {

    /** Sets up the new park on behalf of the platform admin creating it; joins the caller's transaction. */
    void setUp(Actor platformAdmin, Tenant park);
}
