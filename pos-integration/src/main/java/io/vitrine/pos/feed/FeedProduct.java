package io.vitrine.pos.feed;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What a POS or kiosk needs to show and ring up a product: names, brand, barcode, customs classification and the
 * trade mode (which decides whether the cross-border tax applies).
 */
@Serdeable
public record FeedProduct(String nameZh,
                          @Nullable String nameEn,
                          String brand,
                          @Nullable String gtin,
                          String categoryPath,
                          String hsCode,
                          String originCountry,
                          String unit,
                          String tradeMode) {
}
