package io.vitrine.tenants.parks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.audit.AuditTrail;
import io.vitrine.tenants.devices.Fleet;
import io.vitrine.tenants.devices.FleetDevice;
import io.vitrine.tenants.stores.Store;
import io.vitrine.tenants.stores.StoreRepository;
import jakarta.inject.Singleton;

/**
 * A park admin reads a member tenant's data (issue #3 "Isolation": parks read members' data only through
 * explicit, audited services). Only members of the admin's own park: anything else is 404. The member's
 * records are read inside {@code TenantContext.callAs(member)}, so the usual tenant-filtered queries serve
 * them, and each read leaves one audit event on the member (who, when, what, which park) in the same
 * transaction: no read without its trace.
 */
@Singleton
public class MemberOversight {

    private final ParkAccess access;
    private final StoreRepository stores;
    private final Fleet fleet;
    private final AuditTrail audit;

    public MemberOversight(ParkAccess access, StoreRepository stores, Fleet fleet, AuditTrail audit) {
        this.access = access;
        this.stores = stores;
        this.fleet = fleet;
        this.audit = audit;
    }

    /** The member with its store count and devices per kind and state. */
    @Transactional
    public MemberDetail detail(Actor by, String parkSlug, String memberSlug) {
        ParkMember found = access.memberAsAdmin(by, parkSlug, memberSlug);
        MemberDetail detail = TenantContext.callAs(found.member().tenantId(),
                () -> new MemberDetail(found.member(), stores.count(), fleet.summary()));
        audited(by, found, "PARK_READ_MEMBER", "");
        return detail;
    }

    /** The member's stores by code, one page. */
    @Transactional
    public Page<Store> stores(Actor by, String parkSlug, String memberSlug, int page, int size) {
        ParkMember found = access.memberAsAdmin(by, parkSlug, memberSlug);
        Page<Store> stores = TenantContext.callAs(found.member().tenantId(),
                () -> this.stores.findAll(Pageable.from(page, size, Sort.of(Sort.Order.asc("code")))));
        audited(by, found, "PARK_READ_MEMBER_STORES", "; page " + page + ", size " + size);
        return stores;
    }

    /** The member's fleet status, one page, with the filters of {@link Fleet#devices}. */
    @Transactional
    public Page<FleetDevice> devices(Actor by, String parkSlug, String memberSlug, @Nullable String status,
                                     @Nullable String kind, @Nullable String storeCode, int page, int size) {
        ParkMember found = access.memberAsAdmin(by, parkSlug, memberSlug);
        Page<FleetDevice> devices = TenantContext.callAs(found.member().tenantId(),
                () -> fleet.devices(status, kind, storeCode, page, size));
        audited(by, found, "PARK_READ_MEMBER_DEVICES", "; page " + page + ", size " + size
                + (status == null ? "" : ", status " + status) + (kind == null ? "" : ", kind " + kind)
                + (storeCode == null ? "" : ", store " + storeCode));
        return devices;
    }

    private void audited(Actor by, ParkMember found, String action, String what) {
        String detail = "park " + found.park().slug() + what;
        audit.record(by, found.member().tenantId(), action, "tenant", found.member().id(),
                detail.length() > 1000 ? detail.substring(0, 1000) : detail);
    }
}
