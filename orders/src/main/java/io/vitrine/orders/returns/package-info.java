/**
 * Returns (issue #7; domain.md "Returns"): a shopper (with the order's token) or the store's counter asks to send back
 * lines of a released order within 30 days of release ({@link io.vitrine.orders.returns.ReturnOpening}, the rules in
 * {@link io.vitrine.orders.returns.ReturnEligibility}); the retailer approves or rejects it
 * ({@link io.vitrine.orders.returns.ReturnDecisions}, approval publishes
 * {@link io.vitrine.orders.returns.ReturnApproved} for customs' CEB625); staff read them
 * ({@link io.vitrine.orders.returns.StaffReturns}). Statuses and their transitions:
 * {@link io.vitrine.orders.returns.ReturnStatus}. Tables {@code order_returns}, {@code order_return_lines},
 * {@code return_numbers} (V36), adapter in {@code infra}.
 */
package io.vitrine.orders.returns;
