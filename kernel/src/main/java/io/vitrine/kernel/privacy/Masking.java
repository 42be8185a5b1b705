package io.vitrine.kernel.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data for responses, pages and logs. Each form keeps only what a person needs to
 * recognise their own data, in the styles Chinese apps commonly show:
 * <ul>
 *   <li>ID number: first 4 (province and city) and last 4, {@code 1101**********002X}; the birth
 *       date and district are hidden.</li>
 *   <li>phone: first 3 (carrier prefix) and last 4, {@code 138****5678}.</li>
 *   <li>name: first character, one star per further character: {@code 张*}, {@code 张**}, {@code J***}.</li>
 *   <li>address: up to the district (county) level, the rest as {@code ****}:
 *       {@code 广东省深圳市南山区****}. When no division can be recognised, all of it is masked.</li>
 * </ul>
 * Masks keep the length of ID numbers and phones (people recognise the shape) but not of the
 * hidden part of an address. A value too short to mask safely is masked completely.
 */
public final class Masking {

    private static final String HIDDEN = "****";

    // province level, then an optional prefecture level, then the county level; names are short and
    // must not run into a street (路, 街, 号), town (镇, 乡) or village (村)
    private static final Pattern PROVINCE = Pattern.compile(
            "^(?:.{1,8}?(?:省|自治区|特别行政区)|(?:北京|上海|天津|重庆)市?)");
    private static final Pattern PREFECTURE = Pattern.compile("^[^区县旗路街号镇乡村]{1,9}?(?:自治州|地区|盟|市)");
    private static final Pattern COUNTY = Pattern.compile("^[^路街号镇乡村]{1,9}?(?:区|县|旗|市)");

    private Masking() {
    }

    public static String idNumber(String value) {
        return keepEnds(value == null ? null : value.strip(), 4, 4);
    }

    public static String phone(String value) {
        if (value == null) {
            return HIDDEN;
        }
        String digits = PersonalDataKind.PHONE.normalise(value);
        return digits.length() == 11 ? keepEnds(digits, 3, 4) : keepEnds(digits, 0, 4);
    }

    public static String name(String value) {
        if (value == null || value.isBlank()) {
            return HIDDEN;
        }
        int[] points = value.strip().codePoints().toArray();
        if (points.length == 1) {
            return "*";
        }
        return new String(points, 0, 1) + "*".repeat(points.length - 1);
    }

    public static String address(String value) {
        if (value == null) {
            return HIDDEN;
        }
        String text = value.strip();
        int kept = 0;
        kept = advance(PROVINCE, text, kept);
        kept = advance(PREFECTURE, text, kept);
        int county = advance(COUNTY, text, kept);
        if (county == kept) {
            // without a county-level division the prefix could be a street: hide everything
            return HIDDEN;
        }
        return text.substring(0, county) + HIDDEN;
    }

    private static int advance(Pattern level, String text, int from) {
        Matcher m = level.matcher(text).region(from, text.length());
        m.useAnchoringBounds(true);
        return m.lookingAt() ? m.end() : from;
    }

    private static String keepEnds(String value, int head, int tail) {
        if (value == null || value.length() <= head + tail + 2) {
            // too short: the kept ends would reveal nearly all of it
            return value == null ? HIDDEN : "*".repeat(Math.max(value.length(), 4));
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail)
                + value.substring(value.length() - tail);
    }
}
