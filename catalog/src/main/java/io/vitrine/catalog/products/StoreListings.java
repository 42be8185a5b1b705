package io.vitrine.catalog.products;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Which of the current tenant's stores show its SKUs on their kiosks and shelves (store assortment), as the
 * search document shows it. Implemented by the assortment feature ({@code catalog.assortment.StoreAssortments}).
 */
public interface StoreListings {

    /** For each SKU asked that some store shows, those stores' codes. */
    Map<String, Set<String>> storesShowing(Collection<String> skus);
}
