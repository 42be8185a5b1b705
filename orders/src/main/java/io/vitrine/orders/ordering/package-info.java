/**
 * Orders (issue #5): placing an order from a cart ({@link io.vitrine.orders.ordering.OrderPlacement}), its status
 * machine ({@link io.vitrine.orders.ordering.OrderStatus}, every transition in one table, each recorded in the
 * history), payment ({@link io.vitrine.orders.ordering.OrderPayments}), closing unpaid orders and cancelling
 * ({@link io.vitrine.orders.ordering.OrderCancellations}), and reading orders back by token, by lookup or as staff.
 * Tables {@code orders}, {@code order_lines}, {@code order_status_history} (migration V23), adapter in {@code infra}.
 */
package io.vitrine.orders.ordering;
