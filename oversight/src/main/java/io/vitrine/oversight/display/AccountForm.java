package io.vitrine.oversight.display;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;

/**
 * A display account as a client sends it, unchecked. {@code warehouseCode} defaults to the store's warehouse (on
 * opening only); dates are China dates {@code yyyy-MM-dd}; {@code guaranteeAmountFen} is whole fen.
 */
public record AccountForm(@Nullable String storeCode, @Nullable String warehouseCode,
                          @Nullable BigDecimal guaranteeAmountFen, @Nullable String guaranteeReference,
                          @Nullable String guaranteeExpiresOn, @Nullable String displayFrom,
                          @Nullable String displayTo) {
}
