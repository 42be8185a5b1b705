package io.vitrine.pos.feed;

import java.util.List;

/**
 * A store's assortment in SKU order, a page at a time after a given SKU (keyset paging: each page is one index range
 * read, however deep into 10,000 SKUs, and stays correct while the assortment changes between pages).
 */
public interface AssortmentKeyset {

    /** The current tenant's store's SKUs after {@code afterSku} ({@code ""} for the first page), at most {@code limit}. */
    List<String> after(String storeCode, String afterSku, int limit);
}
