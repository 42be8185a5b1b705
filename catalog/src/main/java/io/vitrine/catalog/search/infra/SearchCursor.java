package io.vitrine.catalog.search.infra;

import io.vitrine.catalog.search.SearchSort;
import io.vitrine.kernel.error.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page ended: the sort values of its last hit (the score or the price/creation time, then the
 * SKU). Both engines sort alike, so the same opaque text continues a search on either.
 */
record SearchCursor(SearchSort sort, float score, long value, String sku) {

    private static final String VERSION = "c1";

    String encode() {
        String plain = String.join("\n", VERSION, sort.name(), Integer.toString(Float.floatToIntBits(score)),
                Long.toString(value), sku);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static SearchCursor decode(String cursor, SearchSort expectedSort) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 5);
            if (parts.length == 5 && parts[0].equals(VERSION) && parts[1].equals(expectedSort.name())) {
                return new SearchCursor(expectedSort, Float.intBitsToFloat(Integer.parseInt(parts[2])),
                        Long.parseLong(parts[3]), parts[4]);
            }
        } catch (IllegalArgumentException e) {
            // falls through to the one answer for anything that is not our cursor
        }
        throw InvalidInputException.of("cursor", "is not a cursor of this search and sort");
    }
}
