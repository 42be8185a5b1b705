package io.vitrine.benchmarks;

import io.vitrine.catalog.search.SearchQuery;
import io.vitrine.catalog.search.SearchSort;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The searches the benchmark sends: for every generated retailer, one of each kind below (the words rotate
 * over the retailers), shuffled with a fixed seed. Each is both a storefront request ({@code GET
 * /s/<slug>/api/search?...}) and the engine query {@code StorefrontSearch} makes of it, so the raw
 * Elasticsearch floor runs exactly what our endpoint asks the engine.
 */
final class SearchMix {

    /** What one search exercises, for the report. */
    static final Map<String, String> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("chinese", "a Chinese word (奶粉, 面霜, 鱼油, 巧克力, 牙膏, 纸尿裤, 精华, 行李箱)");
        KINDS.put("pinyin", "the same word in full pinyin (naifen, mianshuang…)");
        KINDS.put("initials", "the same word's pinyin initials (nf, ms…)");
        KINDS.put("latin", "an English brand word and a product word (aptamil formula, swisse fish…)");
        KINDS.put("barcode", "an EAN-13 of the retailer (exact lookup)");
        KINDS.put("filters", "brand + category subtree + price range, no text, facets");
        KINDS.put("sort", "a brand in Chinese sorted by price ascending");
        KINDS.put("store", "a word, the store's assortment, in stock at its warehouse only");
        KINDS.put("deep", "no text, newest first, page 50 of 20 (hits 1000-1019)");
    }

    private static final String[][] WORDS = {
            {"奶粉", "naifen", "nf"}, {"面霜", "mianshuang", "ms"}, {"鱼油", "yuyou", "yy"}, {"巧克力", "qiaokeli", "qkl"},
            {"牙膏", "yagao", "yg"}, {"纸尿裤", "zhiniaoku", "znk"}, {"精华", "jinghua", "jh"}, {"行李箱", "xinglixiang", "xlx"}};
    private static final String[] LATIN = {"aptamil formula", "swisse fish", "lancome serum", "ferrero chocolate",
            "colgate toothpaste", "pampers diapers", "thermos flask", "samsonite suitcase"};
    private static final String[][] FILTERS = {
            {"爱他美", "母婴/奶粉"}, {"雅诗兰黛", "美妆/护肤"}, {"Swisse", "保健"}, {"费列罗", "食品/零食"},
            {"高露洁", "个护/口腔"}, {"花王", "母婴"}, {"膳魔师", "家居"}, {"资生堂", "美妆"}};
    private static final String[] BRANDS = {"爱他美", "兰蔻", "澳佳宝", "美赞臣", "狮王", "新秀丽", "迪奥", "雀巢"};

    /** One search: of which kind, for which retailer, with which storefront parameters. */
    record Search(String kind, SearchCatalog.Merchant merchant, Map<String, String> parameters) {

        String path() {
            return "/s/" + merchant.slug() + "/api/search?" + parameters.entrySet().stream()
                    .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }

        /** The engine query {@code StorefrontSearch.engineQuery} makes of these parameters. */
        SearchQuery engineQuery() {
            Map<String, String> p = parameters;
            boolean store = p.containsKey("store");
            return SearchQuery.builder().q(p.get("q")).brand(p.get("brand")).category(p.get("category"))
                    .priceMinFen(number(p.get("priceMinFen"))).priceMaxFen(number(p.get("priceMaxFen")))
                    .sort(p.containsKey("sort") ? SearchSort.fromApiName(p.get("sort")) : SearchSort.RELEVANCE)
                    .page(p.containsKey("page") ? Integer.parseInt(p.get("page")) + 1 : 1)
                    .size(p.containsKey("size") ? Integer.parseInt(p.get("size")) : SearchQuery.DEFAULT_SIZE)
                    .store(store ? SearchCatalog.STORE : null)
                    .inStockAtWarehouse(store && "true".equals(p.get("inStock")) ? BenchDatabase.WAREHOUSE : null)
                    .build();
        }

        private static Long number(String value) {
            return value == null ? null : Long.valueOf(value);
        }
    }

    private SearchMix() {
    }

    static List<Search> of(List<SearchCatalog.Merchant> merchants) {
        List<Search> searches = new ArrayList<>();
        for (int t = 0; t < merchants.size(); t++) {
            SearchCatalog.Merchant m = merchants.get(t);
            String[] word = WORDS[t % WORDS.length];
            String[] filter = FILTERS[t % FILTERS.length];
            searches.add(new Search("chinese", m, Map.of("q", word[0])));
            searches.add(new Search("pinyin", m, Map.of("q", word[1])));
            searches.add(new Search("initials", m, Map.of("q", word[2])));
            searches.add(new Search("latin", m, Map.of("q", LATIN[t % LATIN.length])));
            searches.add(new Search("barcode", m, Map.of("q", m.gtins().get((t * 37) % m.gtins().size()))));
            searches.add(new Search("filters", m, ordered("brand", filter[0], "category", filter[1],
                    "priceMinFen", "2000", "priceMaxFen", "40000")));
            searches.add(new Search("sort", m, ordered("q", BRANDS[t % BRANDS.length], "sort", "price_asc")));
            searches.add(new Search("store", m, ordered("q", WORDS[(t + 3) % WORDS.length][0], "store", SearchCatalog.STORE,
                    "inStock", "true")));
            searches.add(new Search("deep", m, ordered("sort", "newest", "page", "50", "size", "20")));
        }
        Collections.shuffle(searches, new Random(7));
        return searches;
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
