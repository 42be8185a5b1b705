package io.vitrine.catalog.products;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.List;

/** Keeps a product's image file ids, in order, in one column: {@code id1,id2} ("" for none). */
@Singleton
public class ImageIds implements AttributeConverter<List<String>, String> {

    @Override
    public String convertToPersistedValue(List<String> ids, ConversionContext context) {
        return ids == null ? "" : String.join(",", ids);
    }

    @Override
    public List<String> convertToEntityValue(String text, ConversionContext context) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::strip).toList();
    }
}
