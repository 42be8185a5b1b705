package io.vitrine.kernel.tabular.infra;

import io.vitrine.kernel.tabular.TabularColumns;
import io.vitrine.kernel.tabular.TabularFileException;
import io.vitrine.kernel.tabular.TabularFileException.Rule;
import io.vitrine.kernel.tabular.TabularRow;
import io.vitrine.kernel.tabular.TabularSettings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * What every format's parser feeds its cells through: the header against the expected columns,
 * then each row against the limits, blank rows skipped, into {@link TabularRow}s for the sink.
 */
final class RowShaper {

    private static final int SHOWN_NAME = 64;

    private final TabularColumns columns;
    private final TabularSettings limits;
    private final Consumer<TabularRow> sink;
    private List<String> header;
    private long rows;

    RowShaper(TabularColumns columns, TabularSettings limits, Consumer<TabularRow> sink) {
        this.columns = columns;
        this.limits = limits;
        this.sink = sink;
    }

    boolean hasHeader() {
        return header != null;
    }

    List<String> header() {
        return header;
    }

    long rows() {
        return rows;
    }

    /** The first non-blank row: the file's header. */
    void header(List<String> cells) {
        List<String> names = new ArrayList<>();
        for (String cell : cells) {
            names.add(clean(cell));
        }
        while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
            names.remove(names.size() - 1); // spreadsheets leave trailing empty header cells
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.isEmpty()) {
                throw new TabularFileException(Rule.UNKNOWN_COLUMN, "header column " + (i + 1) + " has no name");
            }
            if (!seen.add(name)) {
                throw new TabularFileException(Rule.DUPLICATE_COLUMN, "column '" + shown(name) + "' appears twice in the header");
            }
            if (!columns.expects(name)) {
                throw new TabularFileException(Rule.UNKNOWN_COLUMN, "column '" + shown(name) + "' is not expected; the columns are "
                        + String.join(", ", columns.all()));
            }
        }
        List<String> missing = columns.required().stream().filter(required -> !seen.contains(required)).toList();
        if (!missing.isEmpty()) {
            throw new TabularFileException(Rule.MISSING_COLUMN, "required column" + (missing.size() > 1 ? "s " : " ")
                    + missing.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", ")) + " missing from the header");
        }
        header = List.copyOf(names);
    }

    /** A data row; {@code rowNumber} as a person finds it in the file. */
    void row(long rowNumber, List<String> cells) {
        boolean blank = true;
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (cell == null || cell.isBlank()) {
                continue;
            }
            blank = false;
            if (i >= header.size()) {
                throw new TabularFileException(Rule.EXTRA_CELLS, "row " + rowNumber + " has more cells than the header has columns");
            }
            if (cell.length() > limits.maxCellLength()) {
                throw new TabularFileException(Rule.CELL_TOO_LONG, "row " + rowNumber + ", column '" + shown(header.get(i))
                        + "' is longer than " + limits.maxCellLength() + " characters");
            }
        }
        if (blank) {
            return;
        }
        if (++rows > limits.maxRows()) {
            throw new TabularFileException(Rule.TOO_MANY_ROWS, "more than " + limits.maxRows() + " data rows; split the file");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String cell = i < cells.size() ? cells.get(i) : null;
            values.put(header.get(i), cell == null ? "" : cell.strip());
        }
        try {
            sink.accept(new TabularRow(rowNumber, values));
        } catch (RuntimeException e) {
            throw new SinkFailure(e);
        }
    }

    /** The caller's row handler threw: carried past the parsers untouched, unwrapped by the reader. */
    static final class SinkFailure extends RuntimeException {
        SinkFailure(RuntimeException cause) {
            super(cause);
        }

        RuntimeException unwrap() {
            return (RuntimeException) getCause();
        }
    }

    private static String clean(String cell) {
        if (cell == null) {
            return "";
        }
        String name = cell.startsWith("\uFEFF") ? cell.substring(1) : cell;
        return name.strip();
    }

    private static String shown(String name) {
        String visible = name.replaceAll("\\p{Cntrl}", "?");
        return visible.length() > SHOWN_NAME ? visible.substring(0, SHOWN_NAME) + "…" : visible;
    }
}
