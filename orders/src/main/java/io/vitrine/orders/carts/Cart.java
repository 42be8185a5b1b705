package io.vitrine.orders.carts;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.kernel.error.InvalidInputException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A cart as stored: what the shopper chose (SKUs and quantities, in the order they were first added), never
 * prices, which are read live. {@code version} grows with every change, so two stored states always differ and
 * a compare-and-set sees any change made in between.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Cart(String id, String storeCode, List<CartLine> lines, long version, Instant createdAt,
                   Instant expiresAt) {

    /** Per line: at most 99 units (api.md "Bad input": QUANTITY_RANGE). */
    public static final int MAX_QUANTITY = 99;
    /** At most 50 lines (TOO_MANY_LINES). */
    public static final int MAX_LINES = 50;

    public Cart {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(storeCode, "storeCode");
        lines = List.copyOf(lines);
    }

    @Serdeable
    public record CartLine(String sku, int quantity) {
    }

    static Cart empty(String id, String storeCode, Instant now, Instant expiresAt) {
        return new Cart(id, storeCode, List.of(), 0, now, expiresAt);
    }

    public Optional<CartLine> line(String sku) {
        return lines.stream().filter(line -> line.sku().equals(sku)).findFirst();
    }

    /**
     * The cart with {@code quantity} units of the SKU (0 removes the line; a new SKU goes last).
     *
     * @throws InvalidInputException {@code sku: TOO_MANY_LINES} when the SKU would be one line too many
     */
    Cart withQuantity(String sku, int quantity, Instant expiresAt) {
        List<CartLine> changed = new ArrayList<>(lines.size() + 1);
        boolean found = false;
        for (CartLine line : lines) {
            if (line.sku().equals(sku)) {
                found = true;
                if (quantity > 0) {
                    changed.add(new CartLine(sku, quantity));
                }
            } else {
                changed.add(line);
            }
        }
        if (!found && quantity > 0) {
            if (lines.size() >= MAX_LINES) {
                throw InvalidInputException.of("sku", "TOO_MANY_LINES", "a cart holds at most " + MAX_LINES
                        + " different products; remove one first");
            }
            changed.add(new CartLine(sku, quantity));
        }
        return new Cart(id, storeCode, changed, version + 1, createdAt, expiresAt);
    }
}
