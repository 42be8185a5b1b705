package io.vitrine.catalog.customscodes;

import io.vitrine.kernel.error.InvalidInputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One of the customs code tables the CEB messages use (domain.md "Customs message standard"), shipped as
 * a resource: {@link #COUNTRIES} (海关国别(地区)代码, {@code 116} Japan, {@code 142} China, {@code 502} USA) and
 * {@link #UNITS} (海关计量单位代码, {@code 007} piece, {@code 035} kilogram, {@code 122} can). A code is valid
 * only if the table has it: the format alone would let {@code 100} (a continent heading) or {@code 024}
 * (unassigned) reach customs, which rejects the message.
 */
public final class CustomsCodeTable {

    // before the tables: their loading uses it
    private static final Pattern FORM = Pattern.compile("\\d{3}");

    public static final CustomsCodeTable COUNTRIES = load("countries.csv", "COUNTRY_CODE",
            "a customs 3-digit country code, e.g. 116 (Japan) or 601 (Australia)");
    public static final CustomsCodeTable UNITS = load("units.csv", "UNIT_CODE",
            "a customs 3-digit unit code, e.g. 007 (piece), 035 (kilogram) or 122 (can)");

    private final Map<String, String> names;
    private final String rulePrefix;
    private final String description;

    private CustomsCodeTable(Map<String, String> names, String rulePrefix, String description) {
        this.names = Collections.unmodifiableMap(names);
        this.rulePrefix = rulePrefix;
        this.description = description;
    }

    public boolean contains(String code) {
        return code != null && names.containsKey(code.strip());
    }

    /** The Chinese name customs gives the code (日本, 千克). */
    public Optional<String> nameZh(String code) {
        return Optional.ofNullable(code == null ? null : names.get(code.strip()));
    }

    public int size() {
        return names.size();
    }

    /**
     * The code, trimmed, if the table has it; else {@link InvalidInputException} with rule
     * {@code <KIND>_FORM} (not 3 digits) or {@code <KIND>_UNKNOWN} (3 digits the table does not have).
     * Fits {@code FieldChecks.parse}, which reports it against the request's field.
     */
    public String require(String raw) {
        String code = Objects.requireNonNull(raw, "code").strip();
        if (!FORM.matcher(code).matches()) {
            throw InvalidInputException.of(rulePrefix.toLowerCase(java.util.Locale.ROOT), rulePrefix + "_FORM",
                    "must be " + description);
        }
        if (!names.containsKey(code)) {
            throw InvalidInputException.of(rulePrefix.toLowerCase(java.util.Locale.ROOT), rulePrefix + "_UNKNOWN",
                    "not in the customs code table: must be " + description);
        }
        return code;
    }

    /** Lines {@code code,nameZh[,more]}; '#' comments and the header line are skipped. */
    private static CustomsCodeTable load(String resource, String rulePrefix, String description) {
        Map<String, String> names = new LinkedHashMap<>();
        try (InputStream in = CustomsCodeTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("code,")) {
                    continue;
                }
                String[] cells = line.split(",", 3);
                if (cells.length < 2 || !FORM.matcher(cells[0]).matches() || names.put(cells[0], cells[1]) != null) {
                    throw new IllegalStateException(resource + ": bad or repeated line: " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CustomsCodeTable(names, rulePrefix, description);
    }
}
