package io.vitrine.orders.returns;

/** Who opened a return: the shopper with the order's token (phone or kiosk), or staff at the store's counter. */
public enum ReturnChannel {
    SHOPPER,
    COUNTER
}
