package io.vitrine.kernel.tabular;

import java.util.List;

/**
 * What a read went through.
 *
 * @param header   the file's columns, in file order
 * @param rows     data rows handed over (blank rows are skipped)
 * @param encoding {@code UTF-8} or {@code GB18030} for CSV; {@code XLSX} for a workbook
 */
public record TabularSummary(List<String> header, long rows, String encoding) {

    public TabularSummary {
        header = List.copyOf(header);
    }
}
