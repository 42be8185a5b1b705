package io.vitrine.tenants.stores;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.id.Ids;
import io.vitrine.tenants.access.Actor;
import jakarta.inject.Singleton;

import java.util.List;

/** Which stores a store-bound staff member sees (within the current tenant). */
@Singleton
public class StoreScopes {

    private final StoreScopeRepository scopes;
    private final Ids ids;

    public StoreScopes(StoreScopeRepository scopes, Ids ids) {
        this.scopes = scopes;
        this.ids = ids;
    }

    @Transactional(readOnly = true)
    public List<String> storeCodesOf(Actor staff) {
        return staff.staffId() == null ? List.of() : storeCodesOf(staff.staffId());
    }

    @Transactional(readOnly = true)
    public List<String> storeCodesOf(String staffId) {
        return scopes.findByStaffIdOrderByStoreCode(staffId).stream().map(StoreScope::storeCode).toList();
    }

    /** Joins the caller's transaction (the account's creation). */
    @Transactional
    public void grant(String staffId, List<String> storeCodes) {
        storeCodes.stream().distinct().forEach(code -> scopes.save(new StoreScope(ids.nextId(), null, staffId, code)));
    }
}
