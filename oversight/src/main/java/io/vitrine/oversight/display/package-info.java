/**
 * The bonded display ledger (保税展示交易, issue #9): goods leave a park's bonded warehouse for display at a retailer's
 * store under a guarantee; display samples sold are declared (a released order), unsold ones return to the zone.
 * One {@link io.vitrine.oversight.display.DisplayAccount} per (tenant, store, bonded warehouse) with its guarantee
 * and display period; {@link io.vitrine.oversight.display.DisplayMovements} records movements once per client key,
 * moving the warehouse's bonded stock through the catalog's stock API in the same transaction; the
 * {@link io.vitrine.oversight.display.DisplayExpiryWatch} raises alerts before a period or guarantee ends; the
 * {@link io.vitrine.oversight.display.DisplayReport} sets the account book against the store's counted shelf.
 */
package io.vitrine.oversight.display;
