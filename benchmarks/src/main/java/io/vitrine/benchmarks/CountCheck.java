package io.vitrine.benchmarks;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * One line of an effectively-once table ({@code customs-effectively-once}, {@code kill-loop}): what was counted, what
 * it must be, what was found, and whether it holds.
 */
record CountCheck(String what, String expected, String found, boolean ok) {

    /** Each of {@code keys} (orders, returns...) counted exactly once in {@code perKey}, and no key beyond them. */
    static CountCheck exactlyOne(Set<String> keys, String noun, String what, Map<String, Long> perKey) {
        long wrong = keys.stream().filter(key -> perKey.getOrDefault(key, 0L) != 1).count();
        long strangers = perKey.keySet().stream().filter(key -> !keys.contains(key)).count();
        return new CountCheck(what, "1 for each of the " + keys.size() + " " + noun,
                (keys.size() - wrong) + " with 1, " + wrong + " not" + (strangers == 0 ? ""
                        : ", " + strangers + " others"), wrong == 0 && strangers == 0);
    }

    /** A count that must be exactly {@code expected}. */
    static CountCheck equal(String what, long expected, long found) {
        return new CountCheck(what, Long.toString(expected), Long.toString(found), expected == found);
    }

    /** The checks as a markdown table, then whether every one holds. */
    static void table(StringBuilder out, Collection<CountCheck> checks) {
        out.append("| count | must be | found | |\n|---|---|---|---|\n");
        for (CountCheck check : checks) {
            out.append("| ").append(check.what()).append(" | ").append(check.expected()).append(" | ")
                    .append(check.found()).append(" | ").append(check.ok() ? "ok" : "**VIOLATED**").append(" |\n");
        }
        out.append(allHold(checks) ? "\nEvery count holds.\n" : "\n**Some counts are violated (above).**\n");
    }

    static boolean allHold(Collection<CountCheck> checks) {
        return !checks.isEmpty() && checks.stream().allMatch(CountCheck::ok);
    }
}
