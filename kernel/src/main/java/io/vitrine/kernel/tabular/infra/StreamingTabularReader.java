package io.vitrine.kernel.tabular.infra;

import io.vitrine.kernel.tabular.TabularColumns;
import io.vitrine.kernel.tabular.TabularFileException;
import io.vitrine.kernel.tabular.TabularFileException.Rule;
import io.vitrine.kernel.tabular.TabularFormat;
import io.vitrine.kernel.tabular.TabularReader;
import io.vitrine.kernel.tabular.TabularRow;
import io.vitrine.kernel.tabular.TabularSettings;
import io.vitrine.kernel.tabular.TabularSummary;
import jakarta.inject.Singleton;
import org.apache.poi.openxml4j.util.ZipSecureFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * {@link TabularReader} over Commons CSV and POI's XLSX event API. Two passes over the spooled file:
 * the first checks everything with no one listening (and, for CSV, finds the encoding), the second
 * hands the rows over — so a file-level refusal always comes before the first row.
 */
@Singleton
class StreamingTabularReader implements TabularReader {

    private static final Consumer<TabularRow> NOBODY = row -> {
    };

    private final TabularSettings settings;

    StreamingTabularReader(TabularSettings settings) {
        this.settings = settings;
        // POI's own zip guard, behind ours (ZipLimits), for any package POI opens in this JVM
        ZipSecureFile.setMinInflateRatio(settings.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(settings.maxUnzippedEntrySize());
    }

    @Override
    public TabularSummary read(InputStream content, TabularFormat format, TabularColumns columns, Consumer<TabularRow> rows) {
        return read(content, format, columns, settings, rows);
    }

    @Override
    public TabularSummary read(InputStream content, TabularFormat format, TabularColumns columns, TabularSettings limits,
                               Consumer<TabularRow> rows) {
        try (Spool spool = Spool.of(content, limits.maxFileSize())) {
            return switch (format) {
                case CSV -> readCsv(spool.file(), columns, limits, rows);
                case XLSX -> readXlsx(spool.file(), columns, limits, rows);
            };
        } catch (RowShaper.SinkFailure e) {
            throw e.unwrap();
        }
    }

    private static TabularSummary readXlsx(Path file, TabularColumns columns, TabularSettings limits,
                                           Consumer<TabularRow> rows) {
        ZipLimits.check(file, limits);
        RowShaper check = new RowShaper(columns, limits, NOBODY);
        XlsxTable.parse(file, check);
        requireHeader(check);
        RowShaper handOver = new RowShaper(columns, limits, rows);
        XlsxTable.parse(file, handOver);
        return new TabularSummary(handOver.header(), handOver.rows(), "XLSX");
    }

    private static TabularSummary readCsv(Path file, TabularColumns columns, TabularSettings limits,
                                          Consumer<TabularRow> rows) {
        try {
            CsvTable.requireText(file);
            Charset charset = encodingOf(file, columns, limits);
            RowShaper handOver = new RowShaper(columns, limits, rows);
            CsvTable.parse(file, charset, handOver);
            return new TabularSummary(handOver.header(), handOver.rows(), charset.name());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the spooled file", e);
        }
    }

    /**
     * UTF-8 when the file starts with its byte-order mark; otherwise the first of UTF-8 and GB18030
     * that decodes the whole file strictly and yields the expected header. When UTF-8 decodes but
     * the header is wrong and GB18030 does no better, the UTF-8 reading's complaint is the one that
     * makes sense to the person who made the file.
     */
    private static Charset encodingOf(Path file, TabularColumns columns, TabularSettings limits) throws IOException {
        if (CsvTable.startsWithBom(file)) {
            try {
                checkWhole(file, StandardCharsets.UTF_8, columns, limits);
                return StandardCharsets.UTF_8;
            } catch (CsvTable.NotThisEncoding e) {
                throw new TabularFileException(Rule.ENCODING, "the file starts with a UTF-8 byte-order mark but is not valid UTF-8");
            }
        }
        TabularFileException utf8Complaint;
        try {
            checkWhole(file, StandardCharsets.UTF_8, columns, limits);
            return StandardCharsets.UTF_8;
        } catch (CsvTable.NotThisEncoding e) {
            utf8Complaint = null;
        } catch (TabularFileException e) {
            if (!isHeaderComplaint(e)) {
                throw e;
            }
            utf8Complaint = e;
        }
        try {
            checkWhole(file, CsvTable.GB18030, columns, limits);
            return CsvTable.GB18030;
        } catch (CsvTable.NotThisEncoding e) {
            if (utf8Complaint != null) {
                throw utf8Complaint;
            }
            throw new TabularFileException(Rule.ENCODING,
                    "the file is neither UTF-8 nor GB18030 text; save it as \"CSV UTF-8\" and upload it again");
        } catch (TabularFileException e) {
            if (utf8Complaint != null && isHeaderComplaint(e)) {
                throw utf8Complaint;
            }
            throw e;
        }
    }

    private static void checkWhole(Path file, Charset charset, TabularColumns columns, TabularSettings limits)
            throws IOException {
        RowShaper check = new RowShaper(columns, limits, NOBODY);
        CsvTable.parse(file, charset, check);
        requireHeader(check);
    }

    private static boolean isHeaderComplaint(TabularFileException e) {
        return e.rule() == Rule.MISSING_COLUMN || e.rule() == Rule.UNKNOWN_COLUMN || e.rule() == Rule.DUPLICATE_COLUMN
                || e.rule() == Rule.EMPTY_FILE;
    }

    private static void requireHeader(RowShaper shaper) {
        if (!shaper.hasHeader()) {
            throw new TabularFileException(Rule.EMPTY_FILE, "the file has no header row");
        }
    }
}
