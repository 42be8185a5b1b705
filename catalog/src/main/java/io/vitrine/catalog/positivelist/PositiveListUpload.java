package io.vitrine.catalog.positivelist;

import io.vitrine.kernel.codes.HsCode;
import io.vitrine.kernel.error.FieldError;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.tabular.TabularColumns;
import io.vitrine.kernel.tabular.TabularFormat;
import io.vitrine.kernel.tabular.TabularReader;
import io.vitrine.kernel.tabular.TabularRow;
import io.vitrine.kernel.tabular.TabularSettings;
import jakarta.inject.Singleton;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an uploaded positive list (CSV or XLSX, columns {@code hsCode} and optionally {@code description},
 * {@code note}) and checks every row. Any bad row refuses the whole file: the list is replaced all at once
 * or not at all. Errors name the row as a spreadsheet shows it (header = row 1): field
 * {@code rows[7].hsCode}, with the rule.
 */
@Singleton
public class PositiveListUpload {

    public static final TabularColumns COLUMNS = TabularColumns.of(List.of("hsCode"), List.of("description", "note"));
    /** The real list has about 1,500 lines; this leaves room while keeping the list in memory cheap. */
    static final long MAX_ROWS = 50_000;
    static final int MAX_ERRORS = 100;
    private static final int MAX_TEXT = 500;

    private final TabularReader reader;
    private final TabularSettings limits;

    public PositiveListUpload(TabularReader reader, TabularSettings limits) {
        this.reader = reader;
        this.limits = limits;
    }

    /** The entries in file order, or {@link InvalidInputException} naming the file's or the rows' problems. */
    public List<PositiveListEntry> read(InputStream content, TabularFormat format) {
        Map<String, PositiveListEntry> entries = new LinkedHashMap<>();
        Map<String, Long> firstRow = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        long[] bad = {0};
        reader.read(content, format, COLUMNS, limits.withMaxRows(Math.min(MAX_ROWS, limits.maxRows())), row -> {
            List<FieldError> rowErrors = new ArrayList<>();
            PositiveListEntry entry = entry(row, rowErrors);
            if (entry != null && firstRow.putIfAbsent(entry.hsCode(), row.rowNumber()) != null) {
                rowErrors.add(new FieldError(field(row, "hsCode"), "repeats row " + firstRow.get(entry.hsCode()),
                        "HS_CODE_REPEATED"));
            }
            if (rowErrors.isEmpty()) {
                entries.put(entry.hsCode(), entry);
            } else {
                bad[0]++;
                rowErrors.stream().limit(Math.max(0, MAX_ERRORS - errors.size())).forEach(errors::add);
            }
        });
        if (!errors.isEmpty()) {
            if (bad[0] > errors.size()) {
                errors.add(new FieldError("file", (bad[0]) + " rows have errors; the first are listed", "TOO_MANY_ERRORS"));
            }
            throw new InvalidInputException(errors);
        }
        if (entries.isEmpty()) {
            throw InvalidInputException.of("file", "POSITIVE_LIST_EMPTY",
                    "the file has no HS codes; the list is never replaced by an empty one");
        }
        return List.copyOf(entries.values());
    }

    private static PositiveListEntry entry(TabularRow row, List<FieldError> errors) {
        String raw = row.get("hsCode");
        String hsCode = null;
        if (raw.isEmpty()) {
            errors.add(new FieldError(field(row, "hsCode"), "is required", "REQUIRED"));
        } else if (!HsCode.isValid(raw)) {
            errors.add(new FieldError(field(row, "hsCode"), "an HS code is exactly 10 digits", "HS_CODE_FORM"));
        } else {
            hsCode = HsCode.parse(raw).value();
        }
        String description = text(row, "description", errors);
        String note = text(row, "note", errors);
        return hsCode == null ? null : new PositiveListEntry(hsCode, description, note);
    }

    private static String text(TabularRow row, String column, List<FieldError> errors) {
        String value = row.get(column);
        if (value.length() > MAX_TEXT) {
            errors.add(new FieldError(field(row, column), "at most " + MAX_TEXT + " characters", "TOO_LONG"));
            return null;
        }
        return value.isEmpty() ? null : value;
    }

    private static String field(TabularRow row, String column) {
        return "rows[" + row.rowNumber() + "]." + column;
    }
}
