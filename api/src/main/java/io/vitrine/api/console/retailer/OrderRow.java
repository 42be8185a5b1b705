package io.vitrine.api.console.retailer;

import io.vitrine.api.console.ChinaTimeText;
import io.vitrine.orders.ordering.OrderDetails;

/** One line of the orders list: the buyer's name masked ({@code 张*}), times in China time, the total in yuan. */
public record OrderRow(String orderNo, String placedAt, String storeCode, String status, String tradeMode,
                       String total, String buyer) {

    static OrderRow of(OrderDetails details) {
        var order = details.order();
        return new OrderRow(order.orderNo(), ChinaTimeText.of(order.placedAt()), order.storeCode(),
                order.status().name(), order.tradeMode().code(), order.amounts().total().toDisplayString(),
                details.buyer() == null ? "" : details.buyer().name());
    }
}
