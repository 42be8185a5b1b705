/**
 * Carts, cross-border compliance rules (limits, tax, identity), orders, Alipay payments, returns.
 */
package io.vitrine.orders;
