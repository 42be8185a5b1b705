package io.vitrine.orders.returns;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.stores.StoreScopes;
import jakarta.inject.Singleton;

import java.util.List;

/** The stores whose returns a staff member sees: a store manager their stores', anyone else every store's. */
@Singleton
class VisibleStores {

    private final StoreScopes scopes;

    VisibleStores(StoreScopes scopes) {
        this.scopes = scopes;
    }

    /** Null when the caller sees every store. */
    @Nullable
    List<String> of(Actor by) {
        return by.role() != null && by.role().isStoreBound() ? scopes.storeCodesOf(by) : null;
    }

    boolean sees(Actor by, String storeCode) {
        List<String> visible = of(by);
        return visible == null || visible.contains(storeCode);
    }
}
