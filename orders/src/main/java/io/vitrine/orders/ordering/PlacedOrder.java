package io.vitrine.orders.ordering;

/**
 * A new order and the shopper's token for it (shown once: only its hash is stored) with the Alipay trade opened.
 *
 * @param orderToken  the bearer token that reads the order back ({@code GET …/orders/{orderNo}?token=})
 */
public record PlacedOrder(Order order, String orderToken) {

    @Override
    public String toString() {
        return "PlacedOrder[" + order.orderNo() + "]";
    }
}
