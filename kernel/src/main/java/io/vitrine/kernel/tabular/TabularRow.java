package io.vitrine.kernel.tabular;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/**
 * One data row: {@code rowNumber} is where a person finds it in the file (the header is row 1; for
 * XLSX the sheet's own row number), {@code values} maps each column of the file's header to the
 * cell's text, trimmed ("" for an empty or missing cell).
 */
public record TabularRow(long rowNumber, Map<String, String> values) {

    public TabularRow {
        values = Collections.unmodifiableMap(values);
    }

    /** The cell of a column ("" when empty, or when the file has no such column). */
    public String get(String column) {
        return values.getOrDefault(column, "");
    }

    /** The cell of a column, empty when blank or absent. */
    public Optional<String> value(String column) {
        String value = get(column);
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
