package io.vitrine.oversight.display;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What an account has out of one SKU: units sent out for display, declared sold, returned to the zone, and what is
 * therefore on display by the book ({@code out - sold - returned}, never below zero).
 */
@Serdeable
public record DisplayBalance(String sku, long out, long sold, long returned, long onDisplay) {

    /** The balance after a movement; the caller refuses one below zero. */
    DisplayBalance after(MovementKind kind, long quantity) {
        return switch (kind) {
            case OUT_FOR_DISPLAY -> new DisplayBalance(sku, out + quantity, sold, returned, onDisplay + quantity);
            case SOLD_DECLARED -> new DisplayBalance(sku, out, sold + quantity, returned, onDisplay - quantity);
            case RETURNED_TO_ZONE -> new DisplayBalance(sku, out, sold, returned + quantity, onDisplay - quantity);
        };
    }
}
