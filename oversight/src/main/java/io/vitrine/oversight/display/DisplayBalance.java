package io.vitrine.oversight.display;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What an account has out of one SKU: units sent out for display, declared sold, returned to the zone, sold at the
 * store's POS and not yet declared ({@code awaitingDeclaration}), and what is therefore on display by the book
 * ({@code out - sold - returned - awaitingDeclaration}, never below zero).
 */
@Serdeable
public record DisplayBalance(String sku, long out, long sold, long returned, long onDisplay,
                             long awaitingDeclaration) {

    /**
     * The balance after a movement; the caller refuses one below zero. A declared sale settles the SKU's POS sales
     * still waiting first (those units already left the shelf), then takes the rest off display.
     */
    DisplayBalance after(MovementKind kind, long quantity) {
        return switch (kind) {
            case OUT_FOR_DISPLAY -> new DisplayBalance(sku, out + quantity, sold, returned, onDisplay + quantity,
                    awaitingDeclaration);
            case SOLD_AT_POS -> new DisplayBalance(sku, out, sold, returned, onDisplay - quantity,
                    awaitingDeclaration + quantity);
            case SOLD_DECLARED -> {
                long settled = Math.min(awaitingDeclaration, quantity);
                yield new DisplayBalance(sku, out, sold + quantity, returned, onDisplay - (quantity - settled),
                        awaitingDeclaration - settled);
            }
            case RETURNED_TO_ZONE -> new DisplayBalance(sku, out, sold, returned + quantity, onDisplay - quantity,
                    awaitingDeclaration);
        };
    }

    /** Units not yet back in the zone nor declared: what keeps the account from closing. */
    long outstanding() {
        return onDisplay + awaitingDeclaration;
    }
}
