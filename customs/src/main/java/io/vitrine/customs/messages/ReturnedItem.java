package io.vitrine.customs.messages;

import java.math.BigDecimal;

/** A returned quantity of one inventory-list line, named by that line's {@code gnum}. */
public record ReturnedItem(int gnum, BigDecimal qty) {
}
