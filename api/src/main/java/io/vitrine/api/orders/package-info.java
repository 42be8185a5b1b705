/** HTTP for orders: the staff's orders API, Alipay's payment notify and the bill reconciliation reports (the shopper's side is under storefront). */
package io.vitrine.api.orders;
