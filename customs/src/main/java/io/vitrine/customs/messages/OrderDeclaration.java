package io.vitrine.customs.messages;

import java.util.List;

/** CEB311 {@code Order}: one order head and its lines. */
public record OrderDeclaration(OrderHead head, List<OrderList> lines) {

    public OrderDeclaration {
        lines = List.copyOf(lines);
    }
}
