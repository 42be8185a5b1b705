package io.vitrine.kernel.tabular;

import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Streams the data rows of an uploaded CSV or XLSX file, one at a time, never holding the file in
 * memory.
 *
 * <p>The file is first copied to a temporary file (refused once it passes
 * {@code vitrine.tabular.max-file-size}, before any parsing), then checked as a whole — encoding,
 * header, row count, cell lengths, XLSX structure and zip-bomb limits — and only then are its rows
 * handed over. So a file-level refusal ({@link TabularFileException}) comes before the first row
 * reaches the handler: nothing is half-imported because of a malformed file.
 *
 * <p>CSV: UTF-8 with or without BOM, or GB18030 (what Excel saves on Chinese Windows), decided by
 * which one decodes the whole file and yields the expected header; anything else is refused.
 * XLSX: the first sheet, its first non-blank row is the header; numbers come as Excel shows them
 * with their format, "General" numbers in full (a 13-digit GTIN stays 13 digits).
 */
public interface TabularReader {

    /**
     * Reads within the configured limits. The stream is read to its end (or just past the size
     * limit) but not closed.
     *
     * @param rows gets every non-blank data row in file order; an exception it throws stops the read
     * @throws TabularFileException when the file as a whole cannot be read
     */
    TabularSummary read(InputStream content, TabularFormat format, TabularColumns columns, Consumer<TabularRow> rows);

    /** As {@link #read(InputStream, TabularFormat, TabularColumns, Consumer)}, with other limits. */
    TabularSummary read(InputStream content, TabularFormat format, TabularColumns columns, TabularSettings limits,
                        Consumer<TabularRow> rows);
}
