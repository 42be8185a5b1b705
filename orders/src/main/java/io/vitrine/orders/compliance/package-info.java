/**
 * The cross-border retail import rules a checkout must pass (domain.md "Cross-border retail import rules"),
 * in one place: {@link io.vitrine.orders.compliance.CheckoutCompliance} takes the facts of one checkout
 * ({@link io.vitrine.orders.compliance.CheckoutFacts}) and answers either every
 * {@link io.vitrine.orders.compliance.Refusal} that applies (each a named
 * {@link io.vitrine.orders.compliance.ComplianceRule} with its stable 422 code) or the accepted checkout with its
 * per-line tax and totals. Pure domain: no database, no clock of its own (the facts carry the instant).
 */
package io.vitrine.orders.compliance;
