package io.vitrine.catalog.categories;

import io.vitrine.kernel.error.FieldChecks;
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
 * Reads an uploaded category list (CSV or XLSX, columns {@code path}, {@code nameZh} and optionally
 * {@code nameEn}; the file's order is the list's) and checks every row; any bad row refuses the whole file,
 * as the positive list does. Errors name the row as a spreadsheet shows it: field {@code rows[7].path}.
 * Rules: the path's form ({@code CATEGORY_PATH_FORM}, {@code CATEGORY_PATH_DEPTH}), {@code CATEGORY_REPEATED},
 * {@code CATEGORY_PARENT_MISSING} (every parent is listed, above its children), {@code TOO_LONG} names.
 */
@Singleton
class CategoryUpload {

    static final TabularColumns COLUMNS = TabularColumns.of(List.of("path", "nameZh"), List.of("nameEn"));
    static final long MAX_ROWS = 5_000;
    private static final int MAX_ERRORS = 100;
    private static final int MAX_NAME = 100;

    private final TabularReader reader;
    private final TabularSettings limits;

    CategoryUpload(TabularReader reader, TabularSettings limits) {
        this.reader = reader;
        this.limits = limits;
    }

    List<Category> read(InputStream content, TabularFormat format) {
        Map<String, Category> list = new LinkedHashMap<>();
        Map<String, Long> firstRow = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        long[] bad = {0};
        reader.read(content, format, COLUMNS, limits.withMaxRows(MAX_ROWS), row -> {
            FieldChecks checks = new FieldChecks();
            Category category = category(row, checks, list.size());
            if (category != null) {
                Long first = firstRow.putIfAbsent(category.path(), row.rowNumber());
                if (first != null) {
                    checks.fail(field(row, "path"), "CATEGORY_REPEATED", "repeats row " + first);
                } else if (category.parentPath() != null && !list.containsKey(category.parentPath())) {
                    checks.fail(field(row, "path"), "CATEGORY_PARENT_MISSING",
                            "list " + category.parentPath() + " on a row above this one");
                }
            }
            List<FieldError> rowErrors = errorsOf(checks);
            if (rowErrors.isEmpty()) {
                list.put(category.path(), category);
            } else {
                bad[0]++;
                rowErrors.stream().limit(Math.max(0, MAX_ERRORS - errors.size())).forEach(errors::add);
            }
        });
        if (!errors.isEmpty()) {
            if (bad[0] > errors.size()) {
                errors.add(new FieldError("file", bad[0] + " rows have errors; the first are listed", "TOO_MANY_ERRORS"));
            }
            throw new InvalidInputException(errors);
        }
        if (list.isEmpty()) {
            throw InvalidInputException.of("file", "CATEGORIES_EMPTY", "the file lists no categories");
        }
        return List.copyOf(list.values());
    }

    private static Category category(TabularRow row, FieldChecks checks, int before) {
        String path = CategoryPath.normalize(checks, field(row, "path"), row.get("path"));
        String nameZh = checks.text(field(row, "nameZh"), row.get("nameZh"), MAX_NAME);
        String nameEn = checks.optionalText(field(row, "nameEn"), row.get("nameEn"), MAX_NAME);
        return checks.hasErrors() ? null : new Category(path, nameZh, nameEn, (before + 1) * 10);
    }

    private static List<FieldError> errorsOf(FieldChecks checks) {
        try {
            checks.throwIfAny();
            return List.of();
        } catch (InvalidInputException refused) {
            return refused.errors();
        }
    }

    private static String field(TabularRow row, String column) {
        return "rows[" + row.rowNumber() + "]." + column;
    }
}
