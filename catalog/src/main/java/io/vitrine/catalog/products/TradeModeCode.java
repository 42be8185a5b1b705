package io.vitrine.catalog.products;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;

/** Keeps a {@link TradeMode} in its column as the customs code ({@code 1210}), not the Java name. */
@Singleton
public class TradeModeCode implements AttributeConverter<TradeMode, String> {

    @Override
    public String convertToPersistedValue(TradeMode mode, ConversionContext context) {
        return mode == null ? null : mode.code();
    }

    @Override
    public TradeMode convertToEntityValue(String code, ConversionContext context) {
        return code == null ? null : TradeMode.ofCode(code)
                .orElseThrow(() -> new IllegalStateException("unknown trade mode in the database: " + code));
    }
}
