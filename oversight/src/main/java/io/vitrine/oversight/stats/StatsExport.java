package io.vitrine.oversight.stats;

import io.vitrine.kernel.tabular.TabularFormat;
import io.vitrine.kernel.tabular.TabularWriter;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A report as CSV (UTF-8 with BOM) or XLSX through the kernel's {@link TabularWriter}: one row per group, then a
 * {@code TOTAL} row; the columns are the JSON fields of {@code GET /api/v1/stats}. Cells never start with a formula
 * character (keys are codes, days and tenant slugs).
 */
@Singleton
public class StatsExport {

    static final List<String> FIGURE_COLUMNS = List.of("orders", "gmvFen", "refundedFen", "netGmvFen", "taxFen",
            "declarationsDecided", "declarationsPassed", "declarationPassRate", "released", "clearanceP50Seconds", "clearanceP90Seconds",
            "returns", "returnedFen", "returnRate", "activeKiosks", "kioskUptime");

    private final TabularWriter writer;

    StatsExport(TabularWriter writer) {
        this.writer = writer;
    }

    /** @param tenantLabel the tenant's slug (or name) to show in the {@code tenant} column */
    public void write(StatsReport report, OutputStream out, TabularFormat format,
                      Function<TenantId, String> tenantLabel) {
        List<String> header = new ArrayList<>();
        header.add(report.grouping().parameter());
        header.add("tenant");
        header.addAll(FIGURE_COLUMNS);
        try (TabularWriter.TabularSheet sheet = writer.open(out, format, header)) {
            for (StatsLine line : report.lines()) {
                sheet.row(row(line.key(), line.tenant() == null ? "" : tenantLabel.apply(line.tenant()),
                        line.figures()));
            }
            sheet.row(row("TOTAL", "", report.totals()));
        }
    }

    public static String filename(StatsReport report, TabularFormat format) {
        return "stats-" + report.grouping().parameter() + "-" + report.from() + "-" + report.to() + "."
                + format.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static List<String> row(String key, String tenant, StatsFigures f) {
        List<String> cells = new ArrayList<>();
        cells.add(safe(key));
        cells.add(safe(tenant));
        cells.add(Long.toString(f.orders()));
        cells.add(Long.toString(f.gmvFen()));
        cells.add(Long.toString(f.refundedFen()));
        cells.add(Long.toString(f.netGmvFen()));
        cells.add(Long.toString(f.taxFen()));
        cells.add(Long.toString(f.declarationsDecided()));
        cells.add(Long.toString(f.declarationsPassed()));
        cells.add(text(f.declarationPassRate()));
        cells.add(Long.toString(f.released()));
        cells.add(text(f.clearanceP50Seconds()));
        cells.add(text(f.clearanceP90Seconds()));
        cells.add(Long.toString(f.returns()));
        cells.add(Long.toString(f.returnedFen()));
        cells.add(text(f.returnRate()));
        cells.add(text(f.activeKiosks()));
        cells.add(text(f.kioskUptime()));
        return cells;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** A spreadsheet would run a cell starting with = + - @ as a formula. */
    private static String safe(String cell) {
        return !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
