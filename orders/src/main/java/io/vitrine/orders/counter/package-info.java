/**
 * Counter sales of cross-border goods (issue #8, POS sync): a store's POS places an order for the shopper in front of
 * it through the storefront's own checkout ({@link io.vitrine.orders.counter.CounterCheckout}: identity, limits, tax,
 * reservations — no second copy of the rules), takes the payment by showing the Alipay QR code or by scanning the
 * shopper's payment code ({@link io.vitrine.orders.counter.BarcodePayments}, {@code alipay.trade.pay}), and follows
 * the order through clearance ({@link io.vitrine.orders.counter.CounterOrders}). No tables of its own.
 */
package io.vitrine.orders.counter;
