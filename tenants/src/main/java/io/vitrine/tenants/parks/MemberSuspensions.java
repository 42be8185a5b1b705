package io.vitrine.tenants.parks;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.cache.CacheUnavailableException;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.registry.Tenant;
import io.vitrine.tenants.registry.TenantDirectory;
import io.vitrine.tenants.registry.TenantRegistry;
import io.vitrine.tenants.registry.TenantStatus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A park's oversight action on a member: suspend it (its storefront and kiosk pages answer 404) or
 * reinstate it, always with a reason. The change, its audit event and {@code tenants.TenantSuspended} /
 * {@code TenantReinstated} commit together ({@link TenantRegistry#changeStatus}); then the member's cached
 * slug is forgotten so the storefront sees the new status at once. Not to be called inside a transaction:
 * the slug must be forgotten after the commit, not before.
 */
@Singleton
public class MemberSuspensions {

    private static final Logger LOG = LoggerFactory.getLogger(MemberSuspensions.class);

    private final ParkAccess access;
    private final TenantRegistry registry;
    private final TenantDirectory directory;

    public MemberSuspensions(ParkAccess access, TenantRegistry registry, TenantDirectory directory) {
        this.access = access;
        this.registry = registry;
        this.directory = directory;
    }

    /** 409 when the member is suspended already. */
    public Tenant suspend(Actor by, String parkSlug, String memberSlug, @Nullable String reason) {
        return change(by, parkSlug, memberSlug, TenantStatus.SUSPENDED, reason);
    }

    /** 409 when the member is not suspended. */
    public Tenant reinstate(Actor by, String parkSlug, String memberSlug, @Nullable String reason) {
        return change(by, parkSlug, memberSlug, TenantStatus.ACTIVE, reason);
    }

    private Tenant change(Actor by, String parkSlug, String memberSlug, TenantStatus status, @Nullable String reason) {
        ParkMember found = access.memberAsAdmin(by, parkSlug, memberSlug);
        FieldChecks checks = new FieldChecks();
        String why = checks.text("reason", reason, 500);
        checks.throwIfAny();
        Tenant changed = registry.changeStatus(by, found.member().tenantId(), status, why);
        try {
            directory.forget(changed.slug());
        } catch (CacheUnavailableException e) {
            // the TenantSuspended listener forgets it again once the cache answers
            LOG.warn("could not forget the cached slug of tenant {} after its status changed", changed.id());
        }
        return changed;
    }
}
