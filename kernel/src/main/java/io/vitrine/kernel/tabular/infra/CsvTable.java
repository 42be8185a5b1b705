package io.vitrine.kernel.tabular.infra;

import io.vitrine.kernel.tabular.TabularFileException;
import io.vitrine.kernel.tabular.TabularFileException.Rule;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One pass over a spooled CSV file in a given encoding, decoding strictly (a bad byte is an error, not a '?'). */
final class CsvTable {

    static final Charset GB18030 = Charset.forName("GB18030");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int SNIFF = 64 * 1024;

    // RFC 4180 as Excel writes it; blank lines are kept as records so row numbers match the sheet
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    /** The decoding went wrong: the file is not in this encoding. */
    static final class NotThisEncoding extends RuntimeException {
        NotThisEncoding(CharacterCodingException cause) {
            super(cause);
        }
    }

    private CsvTable() {
    }

    static boolean startsWithBom(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(3), UTF8_BOM);
        }
    }

    /** Refuses what is plainly not text (NUL bytes, a ZIP such as an XLSX) before trying encodings. */
    static void requireText(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF);
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            throw new TabularFileException(Rule.NOT_TEXT, "the file is a ZIP package, not CSV text (an XLSX workbook? upload it as XLSX)");
        }
        for (byte b : head) {
            if (b == 0) {
                throw new TabularFileException(Rule.NOT_TEXT, "the file is binary, not CSV text");
            }
        }
    }

    /** Parses the whole file, feeding the shaper; throws {@link NotThisEncoding} at the first undecodable byte. */
    static void parse(Path file, Charset charset, RowShaper shaper) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = Files.newInputStream(file);
             BufferedReader reader = new BufferedReader(new InputStreamReader(skipBom(in, charset), decoder), 64 * 1024);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>(record.size());
                for (String cell : record) {
                    if (cell.indexOf('\0') >= 0) {
                        throw new TabularFileException(Rule.NOT_TEXT, "row " + record.getRecordNumber() + " holds binary data");
                    }
                    cells.add(cell);
                }
                if (!shaper.hasHeader()) {
                    if (cells.stream().allMatch(String::isBlank)) {
                        continue;
                    }
                    shaper.header(cells);
                } else {
                    shaper.row(record.getRecordNumber(), cells);
                }
            }
        } catch (RowShaper.SinkFailure | TabularFileException e) {
            throw e;
        } catch (UncheckedIOException e) {
            throw decodingOr(e.getCause());
        } catch (CharacterCodingException e) {
            throw new NotThisEncoding(e);
        } catch (IllegalStateException e) {
            // Commons CSV reports broken quoting this way ("EOF reached before encapsulated token finished")
            if (e.getCause() instanceof IOException io) {
                throw decodingOr(io);
            }
            throw new TabularFileException(Rule.MALFORMED_CSV, "the CSV quoting is broken: " + e.getMessage());
        }
    }

    private static RuntimeException decodingOr(IOException e) {
        if (e instanceof CharacterCodingException coding) {
            return new NotThisEncoding(coding);
        }
        if (e != null && e.getCause() instanceof CharacterCodingException coding) {
            return new NotThisEncoding(coding);
        }
        return new TabularFileException(Rule.MALFORMED_CSV, "the CSV is malformed: " + (e == null ? "unreadable" : e.getMessage()));
    }

    private static InputStream skipBom(InputStream in, Charset charset) throws IOException {
        if (charset.equals(StandardCharsets.UTF_8)) {
            in = new java.io.BufferedInputStream(in);
            in.mark(3);
            if (!Arrays.equals(in.readNBytes(3), UTF8_BOM)) {
                in.reset();
            }
        }
        return in;
    }
}
