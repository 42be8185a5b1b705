/**
 * Bonded stock per (warehouse, SKU) of the tenant: counts and adjustments with their ledger ({@code Stock}),
 * reads for staff and the storefront ({@code StockLevels}), and checkout's reservations with expiry
 * ({@code Reservations}). Writers lock the stock row, so concurrent changes never lose one another.
 */
package io.vitrine.catalog.stock;
