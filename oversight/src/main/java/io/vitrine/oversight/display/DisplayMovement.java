package io.vitrine.oversight.display;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * One recorded movement of a display account.
 *
 * @param movementKey    the client's key: the same key is the same movement, recorded once per tenant
 * @param orderNo        the declared order of a SOLD_DECLARED movement
 * @param onDisplayAfter the SKU's units on display by the book once it was recorded
 */
public record DisplayMovement(String id, String accountId, String movementKey, MovementKind kind, String sku,
                              long quantity, @Nullable String orderNo, @Nullable String note, long onDisplayAfter,
                              String actorId, @Nullable String actorName, Instant occurredAt) {

    /** True when {@code other} asks for what this movement recorded (a retry), whoever sends it. */
    boolean sameRequest(String account, MovementKind otherKind, String otherSku, long otherQuantity,
                        @Nullable String otherOrderNo) {
        return accountId.equals(account) && kind == otherKind && sku.equals(otherSku) && quantity == otherQuantity
                && java.util.Objects.equals(orderNo, otherOrderNo);
    }
}
