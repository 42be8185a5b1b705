/**
 * The logistics leg of an order (issue #6 "order-to-declaration handoff"): the waybill a logistics partner assigns
 * ({@link io.vitrine.orders.logistics.WaybillRegister}, outbox event
 * {@link io.vitrine.orders.logistics.WaybillAssigned}) and the shipment statuses it reports
 * ({@link io.vitrine.orders.logistics.ShipmentTracking}), which move the order RELEASED → SHIPPED → DELIVERED.
 * Table {@code order_waybills} (migration V28), adapter in {@code infra}.
 */
package io.vitrine.orders.logistics;
