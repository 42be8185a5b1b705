package io.vitrine.oversight.display;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;

/**
 * A movement as a client sends it, unchecked: {@code movementKey} (1-64 of {@code A-Z a-z 0-9 . _ : -}, chosen by the
 * client: a retry sends the same key), {@code kind}, {@code sku}, {@code quantity} (whole units, at least 1),
 * {@code orderNo} (SOLD_DECLARED only, required there) and an optional {@code note}.
 */
public record MovementForm(@Nullable String movementKey, @Nullable String kind, @Nullable String sku,
                           @Nullable BigDecimal quantity, @Nullable String orderNo, @Nullable String note) {
}
