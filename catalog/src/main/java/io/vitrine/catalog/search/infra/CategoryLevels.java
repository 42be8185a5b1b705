package io.vitrine.catalog.search.infra;

/**
 * Which category paths the two category facets count: top-level paths, and the level right below the
 * query's category (the second level when there is none). Predicates for Lucene, and the same as
 * regular expressions (Lucene syntax) for Elasticsearch's terms aggregation.
 */
final class CategoryLevels {

    private CategoryLevels() {
    }

    static boolean isTop(String path) {
        return path.indexOf('/') < 0;
    }

    static boolean isBelow(String path, String parent) {
        if (parent == null) {
            int slash = path.indexOf('/');
            return slash > 0 && path.indexOf('/', slash + 1) < 0;
        }
        return path.startsWith(parent + "/") && path.indexOf('/', parent.length() + 1) < 0;
    }

    static String topPattern() {
        return "[^/]+";
    }

    static String belowPattern(String parent) {
        return parent == null ? "[^/]+/[^/]+" : literal(parent) + "/[^/]+";
    }

    /** {@code text} matched literally by a Lucene regular expression. */
    static String literal(String text) {
        StringBuilder escaped = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (!Character.isLetterOrDigit(cp)) {
                escaped.append('\\');
            }
            escaped.appendCodePoint(cp);
        });
        return escaped.toString();
    }
}
