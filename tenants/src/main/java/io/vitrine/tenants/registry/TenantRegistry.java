package io.vitrine.tenants.registry;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.outbox.Outbox;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.audit.AuditTrail;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Registers tenants (parks by the platform, merchants on approval), lists a park's members and changes a
 * tenant's status. A slug or USCC already taken answers 409 (the unique keys of {@code tenants} back this
 * up under races).
 */
@Singleton
public class TenantRegistry {

    private final TenantRepository tenants;
    private final TenantDirectory directory;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Ids ids;
    private final Clock clock;

    public TenantRegistry(TenantRepository tenants, TenantDirectory directory, Outbox outbox, AuditTrail audit, Ids ids,
                          Clock clock) {
        this.tenants = tenants;
        this.directory = directory;
        this.outbox = outbox;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    /** Joins the caller's transaction; publishes {@link TenantOnboarded} in it. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Tenant register(NewTenant fresh) {
        requireFree(fresh.slug().value(), fresh.uscc().value());
        Tenant tenant = tenants.save(new Tenant(ids.nextId(), fresh.kind(), fresh.slug().value(), fresh.name(),
                fresh.legalName(), fresh.uscc().value(), fresh.customsCode().value(), fresh.customsPlace(),
                fresh.customsAreaCode(), fresh.park() == null ? null : fresh.park().value(), TenantStatus.ACTIVE,
                clock.instant(), null, null));
        outbox.publish(new TenantOnboarded(tenant.tenantId(), tenant.kind(), tenant.slug(), tenant.parkId()));
        return tenant;
    }

    /**
     * Suspends or reinstates a tenant (a park's oversight action), with the reason, the audit trail and
     * {@link TenantSuspended} / {@link TenantReinstated} in one transaction. The row is locked first, so two
     * admins acting at once change it once: the second gets 409, as does suspending a suspended tenant.
     */
    @Transactional
    public Tenant changeStatus(Actor by, TenantId tenant, TenantStatus status, String reason) {
        Tenant current = tenants.findByIdForUpdate(tenant.value())
                .orElseThrow(() -> new NotFoundException("No such tenant."));
        if (current.status() == status) {
            throw new ConflictException(status == TenantStatus.SUSPENDED
                    ? "This tenant is already suspended." : "This tenant is not suspended.");
        }
        Tenant changed = tenants.update(current.withStatus(status, reason, clock.instant()));
        boolean suspended = status == TenantStatus.SUSPENDED;
        audit.record(by, changed.tenantId(), suspended ? "TENANT_SUSPENDED" : "TENANT_REINSTATED", "tenant", changed.id(),
                "slug " + changed.slug());
        outbox.publish(suspended ? new TenantSuspended(changed.tenantId(), changed.slug(), changed.parkId())
                : new TenantReinstated(changed.tenantId(), changed.slug(), changed.parkId()));
        // every instance refuses (or accepts again) the tenant's staff tokens once this commits
        directory.statusChanged(changed.tenantId());
        return changed;
    }

    /** 409 when a tenant already has this slug or USCC. */
    @Transactional(readOnly = true)
    public void requireFree(String slug, String uscc) {
        if (tenants.existsBySlug(slug)) {
            throw new ConflictException("The slug '" + slug + "' is taken.");
        }
        if (tenants.existsByUscc(uscc)) {
            throw new ConflictException("A tenant with this unified social credit code already exists.");
        }
    }

    @Transactional(readOnly = true)
    public Page<Tenant> membersOf(TenantId park, int page, int size) {
        return tenants.findByParkId(park.value(), Pageable.from(page, size, Sort.of(Sort.Order.asc("slug"))));
    }
}
