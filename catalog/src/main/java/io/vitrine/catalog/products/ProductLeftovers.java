package io.vitrine.catalog.products;

import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;

/**
 * What another catalog feature keeps of a product (its bonded stock rows, its places in store assortments),
 * settled when the product is deleted. {@link Products#delete} calls every implementation inside its
 * transaction, with the product's row locked: each either refuses the deletion (an exception, and nothing
 * changes) or removes what it keeps. Declared here and implemented by the features that depend on products
 * ({@code catalog.stock}, {@code catalog.assortment}), so that products does not depend on them.
 */
public interface ProductLeftovers {

    /** Refuse the deletion of {@code sku} (throw), or remove what this feature keeps of it. */
    void settleDeletion(Actor by, TenantId tenant, String sku);
}
