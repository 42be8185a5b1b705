package io.vitrine.catalog.search.infra;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vitrine.catalog.search.PriceRange;
import io.vitrine.catalog.search.SearchFacets;
import io.vitrine.catalog.search.SearchQuery;
import io.vitrine.catalog.search.SearchSort;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import static io.vitrine.catalog.search.infra.ProductFields.*;

/**
 * The JSON bodies of the adapter's {@code _search} requests, written straight out with Jackson's generator: a
 * {@link Match} as query DSL clause for clause as {@link LuceneQueries} builds it, and the page, sort, hit fields
 * and facet aggregations of a search. Plain DSL that every Elasticsearch 8 and 9 accepts, no plugin.
 *
 * <p>Written by hand rather than through the typed client's request classes: building those objects and
 * serialising them through its mapper cost more CPU per search than the rest of our endpoint (measured by the
 * benchmarks' search suite, {@code results/search-stages.md}).
 */
final class ElasticsearchSearchBody {

    static final List<String> HIT_FIELDS = List.of(SKU, NAME_ZH, NAME_EN, BRAND, PRICE, TAX, IMAGE_URL, IN_STOCK_AT);
    /** the terms facets, by aggregation name, as {@link ElasticsearchSearchAnswer} reads them back */
    static final String BRAND_FACET = "brand";
    static final String CATEGORY_FACET = "category";
    static final String SUBCATEGORY_FACET = "subcategory";
    static final String ORIGIN_FACET = "origin";
    static final String TRADE_MODE_FACET = "trade_mode";
    static final String PRICE_FACET = "price";
    static final String SUGGEST_AGGREGATION = "suggest";

    private static final JsonFactory JSON = new JsonFactory();

    private ElasticsearchSearchBody() {
    }

    /** One attempt of a search: {@code match}, then the plan's page, sort, cursor, hit fields and facets. */
    static String search(Match match, SearchPlan plan) {
        SearchQuery q = plan.query();
        return write(json -> {
            json.writeFieldName("query");
            query(json, match);
            json.writeNumberField("from", plan.offset());
            json.writeNumberField("size", q.size() + 1); // one more than shown: is there a next page?
            json.writeBooleanField("track_total_hits", true);
            sort(json, q.sort());
            json.writeObjectFieldStart("_source");
            stringArray(json, "includes", HIT_FIELDS);
            json.writeEndObject();
            if (plan.after() != null) {
                searchAfter(json, plan.after());
            }
            json.writeObjectFieldStart("aggregations");
            terms(json, BRAND_FACET, BRAND, null, SearchFacets.MAX_VALUES);
            terms(json, CATEGORY_FACET, CATEGORY, CategoryLevels.topPattern(), SearchFacets.MAX_VALUES);
            terms(json, SUBCATEGORY_FACET, CATEGORY, CategoryLevels.belowPattern(q.category()), SearchFacets.MAX_VALUES);
            terms(json, ORIGIN_FACET, ORIGIN, null, SearchFacets.MAX_VALUES);
            terms(json, TRADE_MODE_FACET, TRADE_MODE, null, SearchFacets.MAX_VALUES);
            priceRanges(json);
            json.writeEndObject();
        });
    }

    /** Suggestions: no hits, the {@code size} most frequent suggestion entries that match {@code pattern}. */
    static String suggestions(Match match, String pattern, int size) {
        return write(json -> {
            json.writeFieldName("query");
            query(json, match);
            json.writeNumberField("size", 0);
            json.writeObjectFieldStart("aggregations");
            terms(json, SUGGEST_AGGREGATION, SUGGEST, pattern, size);
            json.writeEndObject();
        });
    }

    static void query(JsonGenerator json, Match match) throws IOException {
        json.writeStartObject();
        if (match instanceof Match.Term t) {
            json.writeObjectFieldStart("term");
            json.writeObjectFieldStart(t.field());
            json.writeStringField("value", t.value());
            json.writeEndObject();
            json.writeEndObject();
        } else if (match instanceof Match.Range r) {
            json.writeObjectFieldStart("range");
            json.writeObjectFieldStart(r.field());
            if (r.min() != null) {
                json.writeNumberField("gte", r.min());
            }
            if (r.max() != null) {
                json.writeNumberField("lte", r.max());
            }
            json.writeEndObject();
            json.writeEndObject();
        } else if (match instanceof Match.Prefix p) {
            json.writeObjectFieldStart("prefix");
            json.writeObjectFieldStart(p.field());
            json.writeStringField("value", p.prefix());
            json.writeEndObject();
            json.writeEndObject();
        } else if (match instanceof Match.AllDocs || isEmpty(match)) {
            json.writeObjectFieldStart("match_all");
            json.writeEndObject();
        } else if (match instanceof Match.Scored s) {
            json.writeObjectFieldStart("constant_score");
            json.writeFieldName("filter");
            query(json, s.match());
            json.writeNumberField("boost", s.boost());
            json.writeEndObject();
        } else if (match instanceof Match.Best b) {
            json.writeObjectFieldStart("dis_max");
            queries(json, "queries", b.options());
            json.writeNumberField("tie_breaker", 0.0);
            json.writeEndObject();
        } else if (match instanceof Match.Bool b) {
            json.writeObjectFieldStart("bool");
            queries(json, "must", b.must());
            queries(json, "should", b.should());
            queries(json, "filter", b.filter());
            json.writeEndObject();
        } else {
            throw new IllegalArgumentException("unknown match " + match);
        }
        json.writeEndObject();
    }

    private static boolean isEmpty(Match match) {
        return match instanceof Match.Bool b && b.must().isEmpty() && b.should().isEmpty() && b.filter().isEmpty();
    }

    private static void queries(JsonGenerator json, String name, List<Match> matches) throws IOException {
        if (matches.isEmpty()) {
            return;
        }
        json.writeArrayFieldStart(name);
        for (Match match : matches) {
            query(json, match);
        }
        json.writeEndArray();
    }

    /** The sort, always ending with the SKU so that equal values have one order on both engines. */
    private static void sort(JsonGenerator json, SearchSort sort) throws IOException {
        json.writeArrayFieldStart("sort");
        switch (sort) {
            case RELEVANCE -> sortBy(json, "_score", "desc");
            case PRICE_ASC -> sortBy(json, PRICE, "asc");
            case PRICE_DESC -> sortBy(json, PRICE, "desc");
            case NEWEST -> sortBy(json, CREATED, "desc");
        }
        sortBy(json, SKU, "asc");
        json.writeEndArray();
    }

    private static void sortBy(JsonGenerator json, String field, String order) throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart(field);
        json.writeStringField("order", order);
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void searchAfter(JsonGenerator json, SearchCursor cursor) throws IOException {
        json.writeArrayFieldStart("search_after");
        if (cursor.sort() == SearchSort.RELEVANCE) {
            json.writeNumber((double) cursor.score());
        } else {
            json.writeNumber(cursor.value());
        }
        json.writeString(cursor.sku());
        json.writeEndArray();
    }

    /** Counts per value, most frequent first, then by value (the order {@link FacetTally} keeps too). */
    private static void terms(JsonGenerator json, String name, String field, String include, int size) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeObjectFieldStart("terms");
        json.writeStringField("field", field);
        json.writeNumberField("size", size);
        json.writeArrayFieldStart("order");
        json.writeStartObject();
        json.writeStringField("_count", "desc");
        json.writeEndObject();
        json.writeStartObject();
        json.writeStringField("_key", "asc");
        json.writeEndObject();
        json.writeEndArray();
        if (include != null) {
            json.writeStringField("include", include);
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /** The fixed buckets of {@link PriceRange#BUCKETS}, answered in that order. */
    private static void priceRanges(JsonGenerator json) throws IOException {
        json.writeObjectFieldStart(PRICE_FACET);
        json.writeObjectFieldStart("range");
        json.writeStringField("field", PRICE);
        json.writeArrayFieldStart("ranges");
        for (PriceRange range : PriceRange.BUCKETS) {
            json.writeStartObject();
            if (range.fromFen() != null) {
                json.writeNumberField("from", range.fromFen().doubleValue());
            }
            if (range.toFen() != null) {
                json.writeNumberField("to", range.toFen().doubleValue());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void stringArray(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static String write(Fields fields) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            fields.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    @FunctionalInterface
    private interface Fields {
        void write(JsonGenerator json) throws IOException;
    }
}
