package io.vitrine.catalog.search.infra;

import io.vitrine.catalog.search.SearchQuery;
import io.vitrine.kernel.tenancy.TenantId;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static io.vitrine.catalog.search.infra.ProductFields.*;

/**
 * Turns a {@link SearchQuery} into the engine-neutral {@link Match} both adapters run.
 *
 * <p>Every typed unit must match: each CJK character and each latin word (so {@code a2 奶粉} needs both),
 * in any field, scoring by where it matched — name 3, brand 2, description 1 (pinyin and initials of
 * the name count as the name, a little less for initials). A typed latin word may be a word, a SKU or
 * barcode (10), full pinyin ({@code naifen}, or split into syllables that must all be there), or
 * initials ({@code nf}). Adjacent CJK characters found together add the same again, so 奶粉 ranks a name
 * holding the word above one holding 奶 and 粉 apart.
 */
final class ProductQueries {

    static final float CODE = 10f;
    static final float NAME = 3f;
    static final float NAME_INITIALS_BOOST = 2f;
    static final float BRAND_BOOST = 2f;
    static final float BRAND_INITIALS_BOOST = 1.5f;
    static final float DESCRIPTION = 1f;

    private static final Pattern BARCODE = Pattern.compile("\\d{8}|\\d{12,14}");

    private ProductQueries() {
    }

    /** GTIN-shaped text (EAN-8, UPC-A, EAN-13, GTIN-14): looked up as a barcode first. */
    static boolean isBarcode(String q) {
        return q != null && BARCODE.matcher(q).matches();
    }

    static Match barcode(String q) {
        return new Match.Term(GTIN, q);
    }

    static Match text(String q) {
        List<Match> must = new ArrayList<>();
        List<Match> should = new ArrayList<>();
        for (TextRuns.Run run : TextRuns.of(q)) {
            if (run.cjk()) {
                CatalogText.cjkCharacters(run.text()).forEach(c -> must.add(inText(c)));
                CatalogText.cjkBigrams(run.text()).forEach(b -> should.add(inText(b)));
            } else {
                must.add(latinWord(run.text()));
            }
        }
        if (must.isEmpty()) {
            return new Match.AllDocs();
        }
        // a SKU typed whole (A-TOY-01) is one code, though its parts are separate words
        return new Match.Best(List.of(
                scored(CODES, q.strip().toLowerCase(java.util.Locale.ROOT), CODE),
                new Match.Bool(must, should, List.of())));
    }

    /** The tenant first: every read is confined to it, whatever the caller asked. */
    static List<Match> filters(TenantId tenant, SearchQuery query) {
        List<Match> filters = new ArrayList<>();
        filters.add(ofTenant(tenant));
        if (query.brand() != null) {
            filters.add(new Match.Term(BRAND, query.brand()));
        }
        if (query.category() != null) {
            filters.add(new Match.Term(CATEGORY, query.category()));
        }
        if (query.origin() != null) {
            filters.add(new Match.Term(ORIGIN, query.origin()));
        }
        if (query.tradeMode() != null) {
            filters.add(new Match.Term(TRADE_MODE, query.tradeMode()));
        }
        if (query.priceMinFen() != null || query.priceMaxFen() != null) {
            filters.add(new Match.Range(PRICE, query.priceMinFen(), query.priceMaxFen()));
        }
        if (query.store() != null) {
            filters.add(new Match.Term(STORES, query.store()));
        }
        if (query.inStockAtWarehouse() != null) {
            filters.add(new Match.Term(IN_STOCK_AT, query.inStockAtWarehouse()));
        }
        return filters;
    }

    static Match suggestions(TenantId tenant, String typedPrefix) {
        return new Match.Bool(List.of(), List.of(), List.of(ofTenant(tenant), new Match.Prefix(SUGGEST, typedPrefix)));
    }

    /** Every product of the tenant. */
    static Match ofTenant(TenantId tenant) {
        return new Match.Term(TENANT, tenant.value());
    }

    private static Match inText(String token) {
        return new Match.Best(List.of(
                scored(NAME_TEXT, token, NAME),
                scored(BRAND_TEXT, token, BRAND_BOOST),
                scored(DESCRIPTION_TEXT, token, DESCRIPTION)));
    }

    private static Match latinWord(String word) {
        List<Match> options = new ArrayList<>();
        options.add(scored(CODES, word, CODE));
        options.add(scored(NAME_TEXT, word, NAME));
        options.add(scored(NAME_PINYIN, word, NAME));
        options.add(scored(BRAND_TEXT, word, BRAND_BOOST));
        options.add(scored(BRAND_PINYIN, word, BRAND_BOOST));
        options.add(scored(DESCRIPTION_TEXT, word, DESCRIPTION));
        if (word.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            options.add(scored(NAME_INITIALS, word, NAME_INITIALS_BOOST));
            options.add(scored(BRAND_INITIALS, word, BRAND_INITIALS_BOOST));
            List<String> syllables = PinyinSyllables.split(word);
            if (syllables.size() > 1) {
                options.add(new Match.Scored(allOf(NAME_PINYIN, syllables), NAME));
                options.add(new Match.Scored(allOf(BRAND_PINYIN, syllables), BRAND_BOOST));
            }
        }
        return new Match.Best(options);
    }

    private static Match allOf(String field, List<String> tokens) {
        return new Match.Bool(List.of(), List.of(), tokens.stream().<Match>map(t -> new Match.Term(field, t)).toList());
    }

    private static Match scored(String field, String token, float boost) {
        return new Match.Scored(new Match.Term(field, token), boost);
    }
}
