package io.vitrine.catalog.search.infra;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Toneless pinyin of Han characters (pinyin4j).
 *
 * <p>Polyphones: a character keeps ALL its readings, most common first (pinyin4j's order), so 行 is
 * {@code xing} and {@code hang} and a shopper finds 银行卡 by {@code yinhang}. Readings of a word or
 * phrase are the combinations of its characters' readings, first readings first, capped at
 * {@link #MAX_VARIANTS}: a name like 重庆长乐 (4 polyphones) would otherwise multiply into dozens of
 * tokens, and the cap keeps the common reading while dropping only rare mixtures. ü is written {@code v}
 * as every pinyin keyboard does ({@code lv} for 绿), with {@code u} as a second spelling ({@code lu}).
 */
final class PinyinReadings {

    static final int MAX_VARIANTS = 8;

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();
    private static final ConcurrentHashMap<Character, List<String>> CACHE = new ConcurrentHashMap<>();

    static {
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private PinyinReadings() {
    }

    static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    /** Readings of one character, most common first; empty for a character pinyin4j does not know. */
    static List<String> of(char c) {
        return CACHE.computeIfAbsent(c, PinyinReadings::lookUp);
    }

    private static List<String> lookUp(Character c) {
        String[] raw;
        try {
            raw = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
        Set<String> readings = new LinkedHashSet<>();
        if (raw != null) {
            for (String reading : raw) {
                if (reading.matches("[a-z]+")) {
                    readings.add(reading);
                }
            }
            for (String reading : List.copyOf(readings)) {
                if (reading.indexOf('v') >= 0) {
                    readings.add(reading.replace('v', 'u'));
                }
            }
        }
        return List.copyOf(readings);
    }

    /** Full pinyin of a run of Han characters, joined: 奶粉 -> [naifen]. Empty if a character has none. */
    static List<String> joined(String hanRun) {
        return combine(hanRun, r -> r);
    }

    /** Initials of a run of Han characters: 奶粉 -> [nf]; 银行 -> [yx, yh]. */
    static List<String> initials(String hanRun) {
        return combine(hanRun, r -> r.substring(0, 1));
    }

    private static List<String> combine(String hanRun, Function<String, String> part) {
        List<String> variants = List.of("");
        for (int i = 0; i < hanRun.length(); i++) {
            List<String> readings = of(hanRun.charAt(i));
            if (readings.isEmpty()) {
                return List.of();
            }
            Set<String> parts = new LinkedHashSet<>();
            readings.forEach(r -> parts.add(part.apply(r)));
            List<String> next = new ArrayList<>();
            outer:
            for (String prefix : variants) {
                for (String p : parts) {
                    next.add(prefix + p);
                    if (next.size() == MAX_VARIANTS) {
                        break outer;
                    }
                }
            }
            variants = next;
        }
        return variants;
    }
}
