/**
 * Store assortment: which of the tenant's SKUs each store's kiosks and display shelves show. Retailer admins
 * replace a store's set ({@code Assortments}); the storefront and the search document read it
 * ({@code StoreAssortments}).
 */
package io.vitrine.catalog.assortment;
