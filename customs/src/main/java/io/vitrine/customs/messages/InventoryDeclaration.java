package io.vitrine.customs.messages;

import java.util.List;

/** CEB621 {@code Inventory}: one inventory head and its lines. */
public record InventoryDeclaration(InventoryHead head, List<InventoryList> lines) {

    public InventoryDeclaration {
        lines = List.copyOf(lines);
    }
}
