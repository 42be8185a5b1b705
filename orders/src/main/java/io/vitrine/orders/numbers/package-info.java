/**
 * Order numbers: unique across the whole platform (the Alipay notify and customs receipts carry no tenant), readable
 * by a person on the phone, and recorded with kernel {@code BusinessKeys} so a callback finds the order's tenant.
 * {@link io.vitrine.orders.numbers.OrderNumbers} issues them; {@link io.vitrine.orders.numbers.OrderNumber} is the form.
 */
package io.vitrine.orders.numbers;
