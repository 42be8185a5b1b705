package io.vitrine.kernel.tabular.infra;

import io.vitrine.kernel.tabular.TabularFormat;
import io.vitrine.kernel.tabular.TabularWriter;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@link TabularWriter}: Commons CSV (UTF-8 with BOM, CRLF) and POI's streaming {@link SXSSFWorkbook}. */
@Singleton
class StreamingTabularWriter implements TabularWriter {

    /** Rows SXSSF keeps in memory; older ones are flushed to a (compressed) temporary file. */
    private static final int WINDOW = 200;

    @Override
    public TabularSheet open(OutputStream out, TabularFormat format, List<String> header) {
        TabularSheet sheet = switch (format) {
            case CSV -> new CsvSheet(out);
            case XLSX -> new XlsxSheet(out);
        };
        sheet.row(header);
        return sheet;
    }

    private static final class CsvSheet implements TabularSheet {
        private final CSVPrinter printer;

        CsvSheet(OutputStream out) {
            try {
                OutputStream kept = new FilterOutputStream(out) {
                    @Override
                    public void close() throws IOException {
                        flush(); // the caller owns the stream
                    }
                };
                kept.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // Excel reads UTF-8 only with its BOM
                printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(kept, StandardCharsets.UTF_8), 64 * 1024),
                        CSVFormat.RFC4180);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the CSV file", e);
            }
        }

        @Override
        public void row(List<String> cells) {
            try {
                printer.printRecord(cells.stream().map(cell -> cell == null ? "" : cell).toList());
            } catch (IOException e) {
                throw new UncheckedIOException("could not write a CSV row", e);
            }
        }

        @Override
        public void close() {
            try {
                printer.close(true);
            } catch (IOException e) {
                throw new UncheckedIOException("could not finish the CSV file", e);
            }
        }
    }

    private static final class XlsxSheet implements TabularSheet {
        private final OutputStream out;
        private final SXSSFWorkbook workbook;
        private final SXSSFSheet sheet;
        private int next;

        XlsxSheet(OutputStream out) {
            this.out = out;
            this.workbook = new SXSSFWorkbook(WINDOW);
            workbook.setCompressTempFiles(true);
            this.sheet = workbook.createSheet("Sheet1");
        }

        @Override
        public void row(List<String> cells) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < cells.size(); i++) {
                String cell = cells.get(i);
                row.createCell(i).setCellValue(cell == null ? "" : cell);
            }
        }

        @Override
        public void close() {
            try {
                workbook.write(out);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the XLSX file", e);
            } finally {
                try {
                    workbook.close(); // also removes SXSSF's temporary files (POI 5)
                } catch (IOException ignored) {
                    // temporary files left behind are harmless
                }
            }
        }
    }
}
