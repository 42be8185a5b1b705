package io.vitrine.orders.ordering;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * What returns need of an order, read under its row lock ({@link OrderReturning#lock}): its status, when customs
 * released it (the 30-day window counts from there; null when it never was) and its lines as sold.
 */
public record ReturnableOrder(String id, String orderNo, String storeCode, OrderStatus status,
                              @Nullable Instant releasedAt, List<OrderLine> lines) {

    public ReturnableOrder {
        lines = List.copyOf(lines);
    }
}
