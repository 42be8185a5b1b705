/**
 * CEB816 electronic tax bills: recorded once per bill number in the tenant of the inventory list they name, and
 * reconciled against the tax each order collected (api.md {@code GET /api/v1/declarations/tax-reconciliation}).
 */
package io.vitrine.customs.tax;
