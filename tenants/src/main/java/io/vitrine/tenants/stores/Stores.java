package io.vitrine.tenants.stores;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.audit.AuditTrail;
import io.vitrine.tenants.registry.Tenant;
import io.vitrine.tenants.registry.TenantDirectory;
import io.vitrine.tenants.warehouses.ParkWarehouses;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The current tenant's stores. Retailer admins create and change them; a store-bound role (store
 * manager) sees only the stores it is scoped to, and any other store is 404 to it.
 */
@Singleton
public class Stores {

    /** Store codes: letters, digits, '-' and '_' (they appear in kiosk URLs and CSV imports). */
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");
    /** A GB/T 2260 county-level division code. */
    private static final Pattern DISTRICT = Pattern.compile("[1-9][0-9]{5}");
    private static final BigDecimal MAX_LAT = BigDecimal.valueOf(90);
    private static final BigDecimal MAX_LNG = BigDecimal.valueOf(180);

    private final StoreRepository stores;
    private final StoreScopes scopes;
    private final CurrentTenant currentTenant;
    private final TenantDirectory directory;
    private final ParkWarehouses warehouses;
    private final AuditTrail audit;
    private final Ids ids;
    private final Clock clock;

    public Stores(StoreRepository stores, StoreScopes scopes, CurrentTenant currentTenant, TenantDirectory directory,
                  ParkWarehouses warehouses, AuditTrail audit, Ids ids, Clock clock) {
        this.stores = stores;
        this.scopes = scopes;
        this.currentTenant = currentTenant;
        this.directory = directory;
        this.warehouses = warehouses;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public Store create(Actor by, StoreForm form) {
        TenantId tenant = currentTenant.require();
        FieldChecks checks = new FieldChecks();
        String code = checks.matching("code", form.code(), CODE, "STORE_CODE_FORM", "1-32 letters, digits, '-' or '_'");
        Valid valid = validate(checks, tenant, form);
        checks.throwIfAny();
        if (stores.existsByCode(code)) {
            throw new ConflictException("A store with the code " + code + " exists.");
        }
        Instant now = clock.instant();
        Store store = stores.save(new Store(ids.nextId(), null, code, valid.name, valid.kind, valid.address,
                valid.district, form.lat(), form.lng(), valid.warehouseCode, now, now));
        audit.record(by, tenant, "STORE_CREATED", "store", store.code(), null);
        return store;
    }

    @Transactional
    public Store update(Actor by, String code, StoreForm form) {
        TenantId tenant = currentTenant.require();
        Store current = stores.findByCode(code).orElseThrow(Stores::notFound);
        FieldChecks checks = new FieldChecks();
        if (form.code() != null && !form.code().strip().equals(code)) {
            checks.fail("code", "STORE_CODE_IMMUTABLE", "a store's code does not change");
        }
        Valid valid = validate(checks, tenant, form);
        checks.throwIfAny();
        Store changed = stores.update(new Store(current.id(), current.tenantId(), current.code(), valid.name, valid.kind,
                valid.address, valid.district, form.lat(), form.lng(), valid.warehouseCode, current.createdAt(),
                clock.instant()));
        audit.record(by, tenant, "STORE_UPDATED", "store", changed.code(), null);
        return changed;
    }

    @Transactional(readOnly = true)
    public Page<Store> list(Actor by, int page, int size) {
        Pageable pageable = Pageable.from(page, size, Sort.of(Sort.Order.asc("code")));
        if (by.role() != null && by.role().isStoreBound()) {
            List<String> visible = scopes.storeCodesOf(by);
            return visible.isEmpty() ? Page.of(List.of(), pageable, 0L) : stores.findByCodeIn(visible, pageable);
        }
        return stores.findAll(pageable);
    }

    @Transactional(readOnly = true)
    public Store get(Actor by, String code) {
        if (by.role() != null && by.role().isStoreBound() && !scopes.storeCodesOf(by).contains(code)) {
            throw notFound();
        }
        return stores.findByCode(code).orElseThrow(Stores::notFound);
    }

    /** True when every code is a store of the current tenant. */
    @Transactional(readOnly = true)
    public boolean allExist(List<String> codes) {
        return codes.isEmpty() || stores.countByCodeIn(codes) == codes.stream().distinct().count();
    }

    private Valid validate(FieldChecks checks, TenantId tenant, StoreForm form) {
        String name = checks.text("name", form.name(), 200);
        StoreKind kind = checks.oneOf("kind", form.kind(), StoreKind.class);
        String address = checks.text("address", form.address(), 500);
        String district = checks.matching("district", form.district(), DISTRICT, "DISTRICT_CODE_FORM",
                "a GB/T 2260 division code: 6 digits");
        if ((form.lat() == null) != (form.lng() == null)) {
            checks.fail(form.lat() == null ? "lat" : "lng", "COORDINATES_PAIR", "give both lat and lng, or neither");
        }
        if (form.lat() != null && form.lat().abs().compareTo(MAX_LAT) > 0) {
            checks.fail("lat", "LATITUDE_RANGE", "between -90 and 90");
        }
        if (form.lng() != null && form.lng().abs().compareTo(MAX_LNG) > 0) {
            checks.fail("lng", "LONGITUDE_RANGE", "between -180 and 180");
        }
        String warehouseCode = checks.text("warehouseCode", form.warehouseCode(), 32);
        if (warehouseCode != null) {
            Tenant merchant = directory.require(tenant);
            boolean known = merchant.parkId() != null
                    && warehouses.ofPark(TenantId.of(merchant.parkId()), warehouseCode).isPresent();
            if (!known) {
                checks.fail("warehouseCode", "UNKNOWN_WAREHOUSE", "not a bonded warehouse of your park");
            }
        }
        return new Valid(name, kind, address, district, warehouseCode);
    }

    private static NotFoundException notFound() {
        return new NotFoundException("No such store.");
    }

    private record Valid(String name, StoreKind kind, String address, String district, String warehouseCode) {
    }
}
