package io.vitrine.tenants.staff;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.BusinessRuleException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;
import io.vitrine.tenants.audit.AuditTrail;
import io.vitrine.tenants.stores.StoreScopes;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;

/**
 * An admin disables a staff account of their own tenant (someone left, a device was lost) and may
 * enable it again. A disabled account cannot sign in, and every token it holds stops working at once
 * ({@link StaffSessions}); enabling it lets it sign in again, while the tokens from before stay dead.
 * A platform admin does the same for park admins. Anyone else's account answers 404, whoever owns it.
 */
@Singleton
public class StaffAccountControl {

    private final StaffAccountRepository accounts;
    private final StaffSessions sessions;
    private final StoreScopes scopes;
    private final AuditTrail audit;

    public StaffAccountControl(StaffAccountRepository accounts, StaffSessions sessions, StoreScopes scopes,
                               AuditTrail audit) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.scopes = scopes;
        this.audit = audit;
    }

    /** 404 unknown or not the actor's to manage; 422 CANNOT_DISABLE_SELF. Disabling a disabled account changes nothing. */
    @Transactional
    public StaffMember disable(Actor by, String username) {
        StaffAccount account = manageable(by, username);
        if (account.id().equals(by.staffId())) {
            throw new BusinessRuleException("CANNOT_DISABLE_SELF", "You cannot disable your own account.");
        }
        if (account.isActive()) {
            accounts.changeStatus(account.id(), StaffStatus.DISABLED);
            accounts.nextTokenGeneration(account.id());
            audit.record(by, account.tenant(), "STAFF_DISABLED", "staff", account.id(), "role " + account.role());
            sessions.changed(account.id());
        }
        return memberView(account.id());
    }

    /** The account may sign in again; tokens issued before it was disabled stay dead. */
    @Transactional
    public StaffMember enable(Actor by, String username) {
        StaffAccount account = manageable(by, username);
        if (!account.isActive()) {
            accounts.changeStatus(account.id(), StaffStatus.ACTIVE);
            audit.record(by, account.tenant(), "STAFF_ENABLED", "staff", account.id(), "role " + account.role());
            sessions.changed(account.id());
        }
        return memberView(account.id());
    }

    private StaffAccount manageable(Actor by, String rawUsername) {
        String username = rawUsername == null ? "" : rawUsername.strip().toLowerCase(Locale.ROOT);
        return accounts.findByUsername(username)
                .filter(account -> mayManage(by, account))
                .orElseThrow(() -> new NotFoundException("No such staff member."));
    }

    /** A tenant's admins manage their tenant's staff; the platform manages park admins. */
    static boolean mayManage(Actor by, StaffAccount account) {
        if (by.is(StaffRole.PLATFORM_ADMIN)) {
            return account.role() == StaffRole.PARK_ADMIN;
        }
        return (by.is(StaffRole.RETAILER_ADMIN) || by.is(StaffRole.PARK_ADMIN)) && account.tenantId() != null
                && by.tenantId().map(tenant -> tenant.value().equals(account.tenantId())).orElse(false);
    }

    private StaffMember memberView(String staffId) {
        StaffAccount account = accounts.findById(staffId).orElseThrow();
        List<String> stores = account.role().isStoreBound() ? scopes.storeCodesOf(account.id()) : List.of();
        return new StaffMember(account, stores);
    }
}
