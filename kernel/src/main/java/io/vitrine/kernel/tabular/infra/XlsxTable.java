package io.vitrine.kernel.tabular.infra;

import io.vitrine.kernel.tabular.TabularFileException;
import io.vitrine.kernel.tabular.TabularFileException.Rule;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * One pass over the first sheet of a spooled XLSX workbook with POI's event API ({@link XSSFReader} and
 * a SAX {@link XSSFSheetXMLHandler}): rows arrive one at a time, the sheet is never built in memory.
 * Only the shared-strings table is held (POI's read-only one), bounded by the zip limits.
 */
final class XlsxTable {

    private XlsxTable() {
    }

    static void parse(Path file, RowShaper shaper) {
        try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(workbook);
            StylesTable styles = reader.getStylesTable();
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new TabularFileException(Rule.MALFORMED_XLSX, "the workbook has no sheet");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader(); // no external entities, no DTDs
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, strings, new Rows(shaper), new PlainNumbers(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (TabularFileException | RowShaper.SinkFailure e) {
            throw e;
        } catch (SAXException e) {
            if (e.getException() instanceof RowShaper.SinkFailure failure) {
                throw failure;
            }
            if (e.getException() instanceof TabularFileException refusal) {
                throw refusal;
            }
            throw new TabularFileException(Rule.MALFORMED_XLSX, "the sheet XML is malformed");
        } catch (RuntimeException e) {
            if (e.getCause() instanceof TabularFileException refusal) {
                throw refusal;
            }
            if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("zip bomb")) {
                throw new TabularFileException(Rule.ZIP_BOMB, "the workbook inflates beyond the allowed limits");
            }
            throw new TabularFileException(Rule.MALFORMED_XLSX, "the file is not a readable XLSX workbook");
        } catch (Exception e) {
            if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("zip bomb")) {
                throw new TabularFileException(Rule.ZIP_BOMB, "the workbook inflates beyond the allowed limits");
            }
            throw new TabularFileException(Rule.MALFORMED_XLSX, "the file is not a readable XLSX workbook");
        }
    }

    /** Collects each row's cells by column (the sheet omits empty cells) and hands the row to the shaper. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowShaper shaper;
        private final List<String> cells = new ArrayList<>();

        Rows(RowShaper shaper) {
            this.shaper = shaper;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            if (column > 16_383) { // XFD, the last column Excel has
                throw new TabularFileException(Rule.MALFORMED_XLSX, "a cell lies beyond Excel's last column");
            }
            while (cells.size() < column) {
                cells.add("");
            }
            if (column < cells.size()) {
                cells.set(column, formattedValue);
            } else {
                cells.add(formattedValue);
            }
        }

        @Override
        public void endRow(int rowNum) {
            if (!shaper.hasHeader()) {
                if (!cells.stream().allMatch(cell -> cell == null || cell.isBlank())) {
                    shaper.header(new ArrayList<>(cells));
                }
                return;
            }
            shaper.row(rowNum + 1L, new ArrayList<>(cells));
        }
    }

    /**
     * Shows numbers as Excel does for their format, except "General" ones, which come in full: Excel
     * would show a 13-digit GTIN typed as a number as 6.90123E+12, losing the code.
     */
    private static final class PlainNumbers extends DataFormatter {
        PlainNumbers() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (formatIndex == 0 || formatString == null || "General".equalsIgnoreCase(formatString)) {
                return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString);
        }
    }
}
