/** HTTP for orders: the staff's orders API and Alipay's payment notify (the shopper's side is under storefront). */
package io.vitrine.api.orders;
