/**
 * The one pricing computation of a cart and an order (domain.md "Cross-border retail import rules"): lines,
 * freight by the tenant's policy, insurance and discount give the goods value, each line's dutiable value (its
 * share of freight and insurance, by value) and tax, and the total the buyer pays. Pure: no I/O, so the cart
 * shows exactly what checkout will charge.
 */
package io.vitrine.orders.pricing;
