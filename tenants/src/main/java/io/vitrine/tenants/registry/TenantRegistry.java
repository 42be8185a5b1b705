package io.vitrine.tenants.registry;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.outbox.Outbox;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Registers tenants (parks by the platform, merchants on approval) and lists a park's members. A slug
 * or USCC already taken answers 409 (the unique keys of {@code tenants} back this up under races).
 */
@Singleton
public class TenantRegistry {

    private final TenantRepository tenants;
    private final Outbox outbox;
    private final Ids ids;
    private final Clock clock;

    public TenantRegistry(TenantRepository tenants, Outbox outbox, Ids ids, Clock clock) {
        this.tenants = tenants;
        this.outbox = outbox;
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
                clock.instant()));
        outbox.publish(new TenantOnboarded(tenant.tenantId(), tenant.kind(), tenant.slug(), tenant.parkId()));
        return tenant;
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
