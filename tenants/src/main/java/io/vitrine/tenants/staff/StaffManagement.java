package io.vitrine.tenants.staff;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;
import io.vitrine.tenants.stores.StoreScopes;
import io.vitrine.tenants.stores.Stores;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tenant's admins add staff: the account starts, like every account, from a one-time invitation
 * (the admin hands the token over), with the username and role the admin chose and, for store
 * managers, the stores they will see. A retailer admin adds retailer admins and store managers; a park
 * admin adds park admins and customs officers.
 */
@Singleton
public class StaffManagement {

    private static final Map<StaffRole, Set<StaffRole>> MAY_INVITE = Map.of(
            StaffRole.RETAILER_ADMIN, Set.of(StaffRole.RETAILER_ADMIN, StaffRole.STORE_MANAGER),
            StaffRole.PARK_ADMIN, Set.of(StaffRole.PARK_ADMIN, StaffRole.CUSTOMS_OFFICER));

    private final Invitations invitations;
    private final StaffAccountRepository accounts;
    private final StoreScopes scopes;
    private final Stores stores;
    private final CurrentTenant currentTenant;

    public StaffManagement(Invitations invitations, StaffAccountRepository accounts, StoreScopes scopes, Stores stores,
                           CurrentTenant currentTenant) {
        this.invitations = invitations;
        this.accounts = accounts;
        this.scopes = scopes;
        this.stores = stores;
        this.currentTenant = currentTenant;
    }

    @Transactional
    public IssuedInvitation invite(Actor by, StaffForm form) {
        TenantId tenant = currentTenant.require();
        FieldChecks checks = new FieldChecks();
        Username username = checks.parse("username", form.username(), Username::parse);
        StaffRole role = checks.oneOf("role", form.role(), StaffRole.class);
        List<String> storeCodes = form.storeCodes() == null ? List.of()
                : form.storeCodes().stream().map(String::strip).distinct().toList();
        if (role != null && !MAY_INVITE.getOrDefault(by.role(), Set.of()).contains(role)) {
            checks.fail("role", "ROLE_NOT_ALLOWED", "you may add " + MAY_INVITE.getOrDefault(by.role(), Set.of()));
        }
        if (role != null && role.isStoreBound() && storeCodes.isEmpty()) {
            checks.fail("storeCodes", "REQUIRED", "a " + role + " sees only the stores listed here");
        } else if (role != null && !role.isStoreBound() && !storeCodes.isEmpty()) {
            checks.fail("storeCodes", "NOT_STORE_BOUND", "a " + role + " sees every store of the tenant");
        } else if (!storeCodes.isEmpty() && !stores.allExist(storeCodes)) {
            checks.fail("storeCodes", "UNKNOWN_STORE", "every code must be one of your stores");
        }
        checks.throwIfAny();
        if (accounts.existsByUsername(username.value())) {
            throw new ConflictException("This username is taken.");
        }
        return invitations.issue(by, tenant, role, username.value(), storeCodes);
    }

    @Transactional(readOnly = true)
    public List<StaffMember> list() {
        TenantId tenant = currentTenant.require();
        return accounts.findByTenantIdOrderByUsername(tenant.value()).stream()
                .map(account -> new StaffMember(account,
                        account.role().isStoreBound() ? scopes.storeCodesOf(account.id()) : List.of()))
                .toList();
    }
}
