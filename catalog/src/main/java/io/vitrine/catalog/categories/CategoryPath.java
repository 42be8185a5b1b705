package io.vitrine.catalog.categories;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.error.FieldChecks;

import java.util.ArrayList;
import java.util.List;

/** The one form of a category path: 1-5 segments of 1-50 characters joined by '/', surrounding spaces trimmed. */
public final class CategoryPath {

    public static final int MAX_DEPTH = 5;
    public static final int MAX_LENGTH = 300;
    private static final int MAX_SEGMENT = 50;

    private CategoryPath() {
    }

    /** The path in its stored form ({@code 母婴 / 奶粉} → {@code 母婴/奶粉}), or null after a refusal in {@code checks}. */
    @Nullable
    public static String normalize(FieldChecks checks, String field, @Nullable String raw) {
        String path = checks.text(field, raw, MAX_LENGTH);
        if (path == null) {
            return null;
        }
        List<String> clean = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            String trimmed = segment.strip();
            if (trimmed.isEmpty() || trimmed.length() > MAX_SEGMENT) {
                return checks.fail(field, "CATEGORY_PATH_FORM",
                        "1-" + MAX_DEPTH + " segments of 1-" + MAX_SEGMENT + " characters separated by '/', e.g. 母婴/奶粉");
            }
            clean.add(trimmed);
        }
        if (clean.size() > MAX_DEPTH) {
            return checks.fail(field, "CATEGORY_PATH_DEPTH", "at most " + MAX_DEPTH + " levels");
        }
        return String.join("/", clean);
    }
}
