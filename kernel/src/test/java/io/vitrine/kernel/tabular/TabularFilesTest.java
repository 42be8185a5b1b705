package io.vitrine.kernel.tabular;

import io.vitrine.kernel.tabular.TabularFileException.Rule;
import io.vitrine.kernel.tabular.TabularWriter.TabularSheet;
import io.vitrine.kernel.testing.KernelContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tabular reader and writer as the application wires them (kernel context, default limits): CSV
 * encodings, header rules, limits, zip bombs, 100k-row files read row by row, round trips.
 */
class TabularFilesTest {

    private static final TabularColumns PRODUCTS = TabularColumns.of(List.of("商品编码", "名称"), List.of("价格"));
    private static final String CHINESE_CSV = "商品编码,名称,价格\r\n"
            + "6901234567892,奶粉 900g,12800\r\n"
            + "06901234567893,\"纸尿裤, L 号\",5600\r\n"
            + ",,\r\n"
            + "6901234567894,\"说明 \"\"进口\"\"\n第二行\",\r\n";

    private final TabularReader reader = KernelContexts.h2().getBean(TabularReader.class);
    private final TabularWriter writer = KernelContexts.h2().getBean(TabularWriter.class);
    private final TabularSettings defaults = KernelContexts.h2().getBean(TabularSettings.class);

    @Test
    void utf8_with_and_without_bom_and_gb18030_read_the_same_rows() {
        byte[] utf8 = CHINESE_CSV.getBytes(StandardCharsets.UTF_8);
        byte[] bom = concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8);
        byte[] gb18030 = CHINESE_CSV.getBytes(Charset.forName("GB18030"));

        List<TabularRow> fromUtf8 = new ArrayList<>();
        List<TabularRow> fromBom = new ArrayList<>();
        List<TabularRow> fromGb = new ArrayList<>();
        TabularSummary utf8Summary = reader.read(new ByteArrayInputStream(utf8), TabularFormat.CSV, PRODUCTS, fromUtf8::add);
        TabularSummary bomSummary = reader.read(new ByteArrayInputStream(bom), TabularFormat.CSV, PRODUCTS, fromBom::add);
        TabularSummary gbSummary = reader.read(new ByteArrayInputStream(gb18030), TabularFormat.CSV, PRODUCTS, fromGb::add);

        assertThat(utf8Summary.encoding()).isEqualTo("UTF-8");
        assertThat(bomSummary.encoding()).isEqualTo("UTF-8");
        assertThat(gbSummary.encoding()).isEqualTo("GB18030");
        assertThat(fromUtf8).isEqualTo(fromBom).isEqualTo(fromGb);
        assertThat(utf8Summary.header()).containsExactly("商品编码", "名称", "价格");
        assertThat(fromUtf8).hasSize(3); // the blank row is skipped
        assertThat(fromUtf8.get(0)).isEqualTo(new TabularRow(2, Map.of("商品编码", "6901234567892", "名称", "奶粉 900g", "价格", "12800")));
        assertThat(fromUtf8.get(1).get("商品编码")).as("leading zero kept").isEqualTo("06901234567893");
        assertThat(fromUtf8.get(1).get("名称")).isEqualTo("纸尿裤, L 号");
        assertThat(fromUtf8.get(2).rowNumber()).as("the sheet's row, counting the blank one").isEqualTo(5);
        assertThat(fromUtf8.get(2).get("名称")).isEqualTo("说明 \"进口\"\n第二行");
        assertThat(fromUtf8.get(2).value("价格")).isEmpty();
    }

    @Test
    void a_gb18030_file_with_a_latin_header_is_recognised_by_its_chinese_values() {
        TabularColumns columns = TabularColumns.of(List.of("sku", "name"), List.of());
        byte[] gb18030 = "sku,name\r\nA1,奶粉\r\nA2,婴儿配方奶粉\r\n".getBytes(Charset.forName("GB18030"));

        List<TabularRow> rows = new ArrayList<>();
        TabularSummary summary = reader.read(new ByteArrayInputStream(gb18030), TabularFormat.CSV, columns, rows::add);

        assertThat(summary.encoding()).isEqualTo("GB18030");
        assertThat(rows).extracting(row -> row.get("name")).containsExactly("奶粉", "婴儿配方奶粉");
    }

    @Test
    void a_latin1_file_is_refused_as_neither_utf8_nor_gb18030() {
        TabularColumns columns = TabularColumns.of(List.of("sku", "name"), List.of());
        byte[] latin1 = "sku,name\n1,Café\n2,Crème brûlée\n".getBytes(StandardCharsets.ISO_8859_1);

        assertRefused(() -> read(latin1, TabularFormat.CSV, columns), Rule.ENCODING, "neither UTF-8 nor GB18030");
    }

    @Test
    void binary_files_are_refused_as_not_text() {
        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);
        binary[10] = 0;
        byte[] workbook = TabularFiles.minimalXlsx(new String[][]{{"商品编码", "名称"}}, 0);

        assertRefused(() -> read(binary, TabularFormat.CSV, PRODUCTS), Rule.NOT_TEXT, "binary");
        assertRefused(() -> read(workbook, TabularFormat.CSV, PRODUCTS), Rule.NOT_TEXT, "upload it as XLSX");
    }

    @Test
    void a_missing_required_column_is_named() {
        byte[] csv = "名称,价格\n奶粉,12800\n".getBytes(StandardCharsets.UTF_8);

        assertRefused(() -> read(csv, TabularFormat.CSV, PRODUCTS), Rule.MISSING_COLUMN, "'商品编码'");
    }

    @Test
    void an_unknown_or_repeated_column_is_named() {
        byte[] unknown = "商品编码,名称,颜色\n1,奶粉,红\n".getBytes(StandardCharsets.UTF_8);
        byte[] twice = "商品编码,名称,名称\n1,奶粉,奶粉\n".getBytes(StandardCharsets.UTF_8);

        assertRefused(() -> read(unknown, TabularFormat.CSV, PRODUCTS), Rule.UNKNOWN_COLUMN, "'颜色'");
        assertRefused(() -> read(twice, TabularFormat.CSV, PRODUCTS), Rule.DUPLICATE_COLUMN, "'名称'");
    }

    @Test
    void row_and_cell_limits_refuse_the_file_before_any_row_is_handed_over() {
        byte[] csv = (CHINESE_CSV + "6901234567895,多一行,1\r\n").getBytes(StandardCharsets.UTF_8);
        AtomicLong handed = new AtomicLong();

        assertRefused(() -> reader.read(new ByteArrayInputStream(csv), TabularFormat.CSV, PRODUCTS, defaults.withMaxRows(3),
                row -> handed.incrementAndGet()), Rule.TOO_MANY_ROWS, "more than 3");
        assertThat(handed).as("rows handed over before the refusal").hasValue(0);

        byte[] longCell = ("商品编码,名称\n1," + "长".repeat(defaults.maxCellLength() + 1) + "\n").getBytes(StandardCharsets.UTF_8);
        assertRefused(() -> read(longCell, TabularFormat.CSV, PRODUCTS), Rule.CELL_TOO_LONG, "row 2, column '名称'");

        byte[] extra = "商品编码,名称\n1,奶粉,surplus\n".getBytes(StandardCharsets.UTF_8);
        assertRefused(() -> read(extra, TabularFormat.CSV, PRODUCTS), Rule.EXTRA_CELLS, "row 2");
    }

    @Test
    void broken_files_are_refused_by_rule_not_with_a_stack_trace() {
        byte[] openQuote = "商品编码,名称\n1,\"奶粉\n".getBytes(StandardCharsets.UTF_8);
        byte[] notAWorkbook = "商品编码,名称\n1,奶粉\n".getBytes(StandardCharsets.UTF_8);
        byte[] truncated = Arrays.copyOf(TabularFiles.minimalXlsx(new String[][]{{"商品编码", "名称"}, {"1", "奶粉"}}, 0), 300);

        assertRefused(() -> read(openQuote, TabularFormat.CSV, PRODUCTS), Rule.MALFORMED_CSV, "");
        assertRefused(() -> read(notAWorkbook, TabularFormat.XLSX, PRODUCTS), Rule.MALFORMED_XLSX, "not");
        assertRefused(() -> read(truncated, TabularFormat.XLSX, PRODUCTS), Rule.MALFORMED_XLSX, "");
        assertRefused(() -> read(new byte[0], TabularFormat.CSV, PRODUCTS), Rule.EMPTY_FILE, "empty");
    }

    @Test
    void a_tiny_xlsx_whose_sheet_inflates_a_thousandfold_is_refused_as_a_zip_bomb() {
        String[][] rows = {{"商品编码", "名称"}, {"6901234567892", "奶粉"}};
        byte[] bomb = TabularFiles.minimalXlsx(rows, 64L * 1024 * 1024);
        byte[] same = TabularFiles.minimalXlsx(rows, 0);
        assertThat(bomb.length).as("tiny on the wire").isLessThan(256 * 1024);

        assertRefused(() -> read(bomb, TabularFormat.XLSX, PRODUCTS), Rule.ZIP_BOMB, "inflates more than 100 times");
        // the same package without the padding is a workbook like any other
        assertThat(read(same, TabularFormat.XLSX, PRODUCTS)).extracting(row -> row.get("名称")).containsExactly("奶粉");
    }

    @Test
    void a_50_mb_upload_is_refused_before_parsing_after_reading_just_past_the_limit() {
        TabularFiles.EndlessCsv upload = new TabularFiles.EndlessCsv(50L * 1024 * 1024);
        AtomicLong handed = new AtomicLong();

        assertRefused(() -> reader.read(upload, TabularFormat.CSV, PRODUCTS, row -> handed.incrementAndGet()),
                Rule.FILE_TOO_LARGE, "larger than 30 MB");
        assertThat(handed).hasValue(0);
        assertThat(upload.served()).isLessThan(defaults.maxFileSize() + 128 * 1024);
    }

    @Test
    void a_100k_row_csv_is_read_row_by_row(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("products.csv");
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("商品编码,名称,价格\r\n");
            for (int i = 1; i <= 100_000; i++) {
                out.write(gtin(i) + ",商品 " + i + "," + (i * 10) + "\r\n");
            }
        }

        assertHundredThousandRows(csv, TabularFormat.CSV);
    }

    @Test
    void a_100k_row_xlsx_is_read_row_by_row(@TempDir Path dir) throws IOException {
        Path xlsx = dir.resolve("products.xlsx");
        try (OutputStream out = Files.newOutputStream(xlsx);
             TabularSheet sheet = writer.open(out, TabularFormat.XLSX, List.of("商品编码", "名称", "价格"))) {
            for (int i = 1; i <= 100_000; i++) {
                sheet.row(List.of(gtin(i), "商品 " + i, Integer.toString(i * 10)));
            }
        }

        assertHundredThousandRows(xlsx, TabularFormat.XLSX);
    }

    @Test
    void general_numbers_in_a_workbook_come_in_full_not_in_scientific_notation() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (org.apache.poi.xssf.streaming.SXSSFWorkbook workbook = new org.apache.poi.xssf.streaming.SXSSFWorkbook()) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.createSheet();
            org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("商品编码");
            header.createCell(1).setCellValue("名称");
            header.createCell(2).setCellValue("价格");
            org.apache.poi.ss.usermodel.Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(6901234567892d);
            row.createCell(1).setCellValue("奶粉");
            row.createCell(2).setCellValue(128.5d);
            workbook.write(bytes);
        }

        List<TabularRow> rows = read(bytes.toByteArray(), TabularFormat.XLSX, PRODUCTS);

        assertThat(rows.get(0).get("商品编码")).isEqualTo("6901234567892");
        assertThat(rows.get(0).get("价格")).isEqualTo("128.5");
    }

    @Test
    void what_the_writer_writes_the_reader_reads_back_in_both_formats() throws IOException {
        List<String> header = List.of("商品编码", "名称", "价格");
        List<List<String>> rows = List.of(
                List.of("06901234567892", "奶粉, 900g \"进口\"", "12800"),
                List.of("6901234567893", "两行\n说明", ""),
                List.of("6901234567894", "=1+1", "-5"));
        for (TabularFormat format : TabularFormat.values()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (TabularSheet sheet = writer.open(bytes, format, header)) {
                rows.forEach(sheet::row);
            }

            List<TabularRow> back = read(bytes.toByteArray(), format, PRODUCTS);

            assertThat(back).as(format.name()).extracting(row -> List.of(row.get("商品编码"), row.get("名称"), row.get("价格")))
                    .containsExactlyElementsOf(rows);
            assertThat(back).extracting(TabularRow::rowNumber).containsExactly(2L, 3L, 4L);
            if (format == TabularFormat.CSV) {
                assertThat(Arrays.copyOf(bytes.toByteArray(), 3)).as("UTF-8 BOM for Excel")
                        .containsExactly(0xEF, 0xBB, 0xBF);
            }
        }
    }

    @Test
    void an_exception_from_the_row_handler_reaches_the_caller_unchanged() {
        byte[] csv = CHINESE_CSV.getBytes(StandardCharsets.UTF_8);
        IllegalStateException stop = new IllegalStateException("the database went away");

        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(csv), TabularFormat.CSV, PRODUCTS, row -> {
            throw stop;
        })).isSameAs(stop);
        byte[] xlsx = TabularFiles.minimalXlsx(new String[][]{{"商品编码", "名称"}, {"1", "奶粉"}}, 0);
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(xlsx), TabularFormat.XLSX, PRODUCTS, row -> {
            throw stop;
        })).isSameAs(stop);
    }

    private void assertHundredThousandRows(Path file, TabularFormat format) throws IOException {
        AtomicLong count = new AtomicLong();
        List<TabularRow> sampled = new ArrayList<>();
        TabularSummary summary;
        try (InputStream in = Files.newInputStream(file)) {
            summary = reader.read(in, format, PRODUCTS, row -> {
                long n = count.incrementAndGet();
                if (n == 1 || n == 50_000 || n == 100_000) {
                    sampled.add(row);
                }
            });
        }

        assertThat(summary.rows()).isEqualTo(100_000);
        assertThat(count).hasValue(100_000);
        assertThat(sampled).extracting(TabularRow::rowNumber).containsExactly(2L, 50_001L, 100_001L);
        assertThat(sampled.get(1).values()).isEqualTo(Map.of("商品编码", gtin(50_000), "名称", "商品 50000", "价格", "500000"));
        assertThat(sampled.get(2).get("商品编码")).isEqualTo(gtin(100_000));
    }

    private List<TabularRow> read(byte[] content, TabularFormat format, TabularColumns columns) {
        List<TabularRow> rows = new ArrayList<>();
        reader.read(new ByteArrayInputStream(content), format, columns, rows::add);
        return rows;
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable read, Rule rule, String detail) {
        assertThatThrownBy(read)
                .isInstanceOfSatisfying(TabularFileException.class, e -> {
                    assertThat(e.rule()).isEqualTo(rule);
                    assertThat(e.errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("file");
                        assertThat(error.message()).startsWith(rule + ": ").contains(detail);
                    });
                });
    }

    private static String gtin(int i) {
        return String.format("69%011d", i);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
