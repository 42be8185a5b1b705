package io.vitrine.kernel.tabular;

import java.io.OutputStream;
import java.util.List;

/**
 * Streams an export: CSV in UTF-8 with a byte-order mark (so Excel opens Chinese text right), or XLSX
 * written through a sliding window of rows (so a 100k-row export never sits in memory). Every cell is
 * text: codes such as GTINs keep their leading zeros and digits.
 */
public interface TabularWriter {

    /** Starts a file with this header; write rows, then close the sheet (which does not close {@code out}). */
    TabularSheet open(OutputStream out, TabularFormat format, List<String> header);

    /** An export being written. */
    interface TabularSheet extends AutoCloseable {

        /** One row, cells in header order; null cells are written empty. */
        void row(List<String> cells);

        /** Finishes the file (for XLSX, this is when the workbook is written out). */
        @Override
        void close();
    }
}
