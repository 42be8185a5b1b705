package io.vitrine.catalog.storefront;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.catalog.products.TradeMode;
import io.vitrine.catalog.search.SearchQuery;
import io.vitrine.catalog.search.SearchSort;
import io.vitrine.kernel.error.FieldChecks;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A shopper's search as it arrives (every value the text the client sent, or null), checked all at once by
 * {@link #check()}: each bad parameter is reported with its rule (400), nothing is guessed.
 * {@code page} counts from 0, as every list of the API does.
 */
public record SearchParameters(@Nullable String q, @Nullable String brand, @Nullable String category,
                               @Nullable String origin, @Nullable String tradeMode, @Nullable String priceMinFen,
                               @Nullable String priceMaxFen, @Nullable String store, @Nullable String inStock,
                               @Nullable String sort, @Nullable String page, @Nullable String size,
                               @Nullable String cursor) {

    public static final int MAX_TEXT = 100;
    private static final Pattern COUNTRY = Pattern.compile("\\d{3}");
    private static final Pattern STORE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");
    private static final Pattern CATEGORY = Pattern.compile("[^/]+(/[^/]+){0,4}");

    /** The checked search; {@code store} is still only a well-formed code (the caller looks it up). */
    public ShopperQuery check() {
        FieldChecks checks = new FieldChecks();
        String text = checks.optionalText("q", q, MAX_TEXT);
        String brandValue = checks.optionalText("brand", brand, MAX_TEXT);
        String categoryValue = optionalMatching(checks, "category", category, CATEGORY, "CATEGORY_PATH_FORM",
                "a path of 1-5 segments separated by '/'");
        String originValue = optionalMatching(checks, "origin", origin, COUNTRY, "COUNTRY_CODE_FORM",
                "a customs country code: 3 digits");
        String tradeModeValue = blank(tradeMode) ? null : TradeMode.ofCode(tradeMode.strip()).map(TradeMode::code)
                .orElseGet(() -> checks.fail("tradeMode", "TRADE_MODE", "one of 1210, 1239, 9610, GENERAL"));
        Long min = fen(checks, "priceMinFen", priceMinFen);
        Long max = fen(checks, "priceMaxFen", priceMaxFen);
        if (min != null && max != null && min > max) {
            checks.fail("priceMaxFen", "PRICE_RANGE", "must not be below priceMinFen");
        }
        String storeCode = optionalMatching(checks, "store", store, STORE, "STORE_CODE_FORM",
                "a store code: letters, digits, '-' or '_', at most 32");
        Boolean stocked = bool(checks, "inStock", inStock);
        if (Boolean.TRUE.equals(stocked) && blank(store)) {
            checks.fail("inStock", "STORE_REQUIRED", "stock is per store: give store as well");
        }
        SearchSort order = sort(checks);
        int pageNumber = number(checks, "page", page, 0, 0, Integer.MAX_VALUE, "PAGE_RANGE", "0 or more");
        int pageSize = number(checks, "size", size, SearchQuery.DEFAULT_SIZE, 1, SearchQuery.MAX_SIZE,
                "PAGE_SIZE_RANGE", "between 1 and " + SearchQuery.MAX_SIZE);
        if (!checks.hasErrors() && (long) (pageNumber + 1) * pageSize > SearchQuery.MAX_PAGED_HITS) {
            checks.fail("page", "PAGE_TOO_DEEP", "pages end after " + SearchQuery.MAX_PAGED_HITS
                    + " hits: follow nextCursor instead");
        }
        String cursorValue = checks.optionalText("cursor", cursor, 1_000);
        if (cursorValue != null && pageNumber != 0) {
            checks.fail("page", "CURSOR_WITH_PAGE", "a cursor continues where it was issued: leave page out");
        }
        checks.throwIfAny();
        return new ShopperQuery(text, brandValue, categoryValue, originValue, tradeModeValue, min, max, storeCode,
                Boolean.TRUE.equals(stocked), order, pageNumber, pageSize, cursorValue);
    }

    private SearchSort sort(FieldChecks checks) {
        if (blank(sort)) {
            return SearchSort.RELEVANCE;
        }
        try {
            return SearchSort.fromApiName(sort.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return checks.fail("sort", "SORT", "one of relevance, price_asc, price_desc, newest");
        }
    }

    private static String optionalMatching(FieldChecks checks, String field, String raw, Pattern form, String rule,
                                           String description) {
        return blank(raw) ? null : checks.matching(field, raw, form, rule, description);
    }

    private static Long fen(FieldChecks checks, String field, String raw) {
        if (blank(raw)) {
            return null;
        }
        try {
            long value = Long.parseLong(raw.strip());
            return value < 0 ? checks.fail(field, "NOT_NEGATIVE", "a price in fen, 0 or more") : value;
        } catch (NumberFormatException e) {
            return checks.fail(field, "WHOLE_NUMBER", "a price in whole fen");
        }
    }

    private static Boolean bool(FieldChecks checks, String field, String raw) {
        if (blank(raw)) {
            return null;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> checks.fail(field, "BOOLEAN", "true or false");
        };
    }

    private static int number(FieldChecks checks, String field, String raw, int absent, int min, int max, String rule,
                              String description) {
        if (blank(raw)) {
            return absent;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below like any value out of range
        }
        checks.fail(field, rule, description);
        return absent;
    }

    private static boolean blank(String raw) {
        return raw == null || raw.isBlank();
    }
}
