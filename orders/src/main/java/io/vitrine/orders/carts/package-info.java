/**
 * Shoppers' carts (api.md "Storefront"): per tenant and store, kept in the kernel's key/value cache (in-process
 * embedded, Redis in cluster mode) for a sliding period after the last change, and priced live from the catalog
 * on every read by the one pricing computation ({@code orders.pricing}) that checkout uses too.
 */
package io.vitrine.orders.carts;
