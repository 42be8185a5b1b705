/**
 * The daily reconciliation of a tenant's Alipay bill against our books (issue #5 "Payments": "a daily
 * reconciliation against Alipay's bill lists every difference"). {@link io.vitrine.orders.payment.reconciliation.BillReconciliation}
 * downloads the China day's bill through the {@code PaymentGateway}, reads it ({@link io.vitrine.orders.payment.reconciliation.BillReader}, Commons CSV in {@code infra}),
 * compares it with what {@link io.vitrine.orders.payment.reconciliation.ExpectedPayments} says we took and refunded
 * ({@link io.vitrine.orders.payment.reconciliation.BillComparison}) and keeps the report
 * ({@link io.vitrine.orders.payment.reconciliation.ReconciliationReports}); a failed run is kept too, with its reason.
 */
package io.vitrine.orders.payment.reconciliation;
