package io.vitrine.tenants.stores;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.registry.Tenant;
import io.vitrine.tenants.registry.TenantDirectory;
import io.vitrine.tenants.warehouses.ParkWarehouses;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The current tenant's stores. Retailer admins create and change them, one by one or by a bulk import
 * ({@link #put}); a store-bound role (store manager) sees only the stores it is scoped to, and any other
 * store is 404 to it. The rules a store must meet are {@link StoreRules}, the same for both ways in.
 */
@Singleton
public class Stores {

    /** Store codes: {@link StoreRules#CODE}. */
    public static final Pattern CODE = StoreRules.CODE;

    private final StoreRepository stores;
    private final StoreScopes scopes;
    private final CurrentTenant currentTenant;
    private final TenantDirectory directory;
    private final ParkWarehouses warehouses;
    private final StoreChanges changes;
    private final Ids ids;
    private final Clock clock;

    Stores(StoreRepository stores, StoreScopes scopes, CurrentTenant currentTenant, TenantDirectory directory,
                  ParkWarehouses warehouses, StoreChanges changes, Ids ids, Clock clock) {
        this.stores = stores;
        this.scopes = scopes;
        this.currentTenant = currentTenant;
        this.directory = directory;
        this.warehouses = warehouses;
        this.changes = changes;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public Store create(Actor by, StoreForm form) {
        TenantId tenant = currentTenant.require();
        StoreRules rules = rules();
        FieldChecks checks = new FieldChecks();
        String code = rules.code(checks, form.code());
        StoreDetails details = rules.details(checks, form);
        checks.throwIfAny();
        if (stores.existsByCode(code)) {
            throw new ConflictException("A store with the code " + code + " exists.");
        }
        return insert(by, tenant, code, details);
    }

    @Transactional
    public Store update(Actor by, String code, StoreForm form) {
        TenantId tenant = currentTenant.require();
        Store current = stores.findByCode(code).orElseThrow(Stores::notFound);
        FieldChecks checks = new FieldChecks();
        if (form.code() != null && !form.code().strip().equals(code)) {
            checks.fail("code", "STORE_CODE_IMMUTABLE", "a store's code does not change");
        }
        StoreDetails details = rules().details(checks, form);
        checks.throwIfAny();
        return change(by, tenant, current, details);
    }

    /** The store rules of the current tenant: its park's warehouses are read here, once. */
    @Transactional(readOnly = true)
    public StoreRules rules() {
        Tenant merchant = directory.require(currentTenant.require());
        return new StoreRules(merchant.parkId() == null ? Set.of() : warehouses.codesOf(TenantId.of(merchant.parkId())));
    }

    /**
     * The current tenant's stores with these codes, locked until the caller's transaction ends (an
     * import's batch), keyed by the upper-cased code: MariaDB compares codes without case.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Map<String, Store> lockByCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return stores.findByCodeInForUpdate(codes).stream()
                .collect(Collectors.toMap(store -> caseless(store.code()), store -> store, (a, b) -> a));
    }

    /**
     * Brings the store with this code to these details: creates it when the tenant has none, changes it
     * when it differs, and leaves it alone (no write, no audit) when it already has them. Joins the
     * caller's transaction, in which {@code current} was read with {@link #lockByCodes}.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public StorePut put(Actor by, String code, StoreDetails details, @Nullable Store current) {
        TenantId tenant = currentTenant.require();
        if (current == null) {
            return new StorePut(insert(by, tenant, code, details), StorePut.Outcome.CREATED);
        }
        if (details.sameAs(current)) {
            return new StorePut(current, StorePut.Outcome.UNCHANGED);
        }
        return new StorePut(change(by, tenant, current, details), StorePut.Outcome.UPDATED);
    }

    /** A store code as both databases compare it. */
    public static String caseless(String code) {
        return code.toUpperCase(Locale.ROOT);
    }

    private Store insert(Actor by, TenantId tenant, String code, StoreDetails details) {
        Instant now = clock.instant();
        Store store = stores.save(new Store(ids.nextId(), null, code, details.name(), details.kind(), details.address(),
                details.districtCode(), details.lat(), details.lng(), details.warehouseCode(), now, now));
        changes.created(by, tenant, store);
        return store;
    }

    private Store change(Actor by, TenantId tenant, Store current, StoreDetails details) {
        Store changed = stores.update(new Store(current.id(), current.tenantId(), current.code(), details.name(),
                details.kind(), details.address(), details.districtCode(), details.lat(), details.lng(),
                details.warehouseCode(), current.createdAt(), clock.instant()));
        changes.changed(by, tenant, current, changed);
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

    private static NotFoundException notFound() {
        return new NotFoundException("No such store.");
    }
}
