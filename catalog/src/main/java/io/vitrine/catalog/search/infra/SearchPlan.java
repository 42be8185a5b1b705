package io.vitrine.catalog.search.infra;

import io.vitrine.catalog.search.CatalogSearch;
import io.vitrine.catalog.search.SearchQuery;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.tenancy.TenantId;

import java.util.List;
import java.util.Objects;

/**
 * What a search runs, in order: a GTIN-shaped query first as a barcode (a scanned product goes straight
 * to its one hit), then as text. The tenant filter is always part of it.
 */
record SearchPlan(List<Match> attempts, SearchQuery query, SearchCursor after) {

    static SearchPlan of(TenantId tenant, SearchQuery query) {
        Objects.requireNonNull(tenant, "tenant");
        List<Match> filters = ProductQueries.filters(tenant, query);
        Match text = withFilters(ProductQueries.text(query.q()), filters);
        List<Match> attempts = ProductQueries.isBarcode(query.q())
                ? List.of(withFilters(ProductQueries.barcode(query.q()), filters), text)
                : List.of(text);
        SearchCursor after = query.cursor() == null ? null : SearchCursor.decode(query.cursor(), query.sort());
        return new SearchPlan(attempts, query, after);
    }

    /** hits skipped before this page (0 when continuing from a cursor) */
    int offset() {
        return after == null ? (query.page() - 1) * query.size() : 0;
    }

    boolean inStock(List<String> warehouses) {
        return query.inStockAtWarehouse() == null ? !warehouses.isEmpty() : warehouses.contains(query.inStockAtWarehouse());
    }

    static String typedPrefix(TenantId tenant, String prefix, int limit) {
        Objects.requireNonNull(tenant, "tenant");
        if (limit < 1 || limit > CatalogSearch.MAX_SUGGESTIONS) {
            throw InvalidInputException.of("limit", "must be between 1 and " + CatalogSearch.MAX_SUGGESTIONS);
        }
        String typed = SuggestKeys.typedPrefix(prefix);
        return typed.length() > 50 ? typed.substring(0, 50) : typed;
    }

    private static Match withFilters(Match scored, List<Match> filters) {
        return new Match.Bool(List.of(scored), List.of(), filters);
    }
}
