/** The shopper's orders over HTTP: placing one from a cart, reading it with its token, the lost-link lookup. */
package io.vitrine.api.storefront.orders;
