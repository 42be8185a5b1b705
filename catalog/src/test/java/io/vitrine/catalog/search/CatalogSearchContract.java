package io.vitrine.catalog.search;

import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.tenancy.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.vitrine.catalog.search.SearchFixture.A;
import static io.vitrine.catalog.search.SearchFixture.A_MILK_POWDERS;
import static io.vitrine.catalog.search.SearchFixture.B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The behaviour of {@link CatalogSearch}, the same for every adapter: each engine runs this suite over
 * {@link SearchFixture} and must give exactly these answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CatalogSearchContract {

    private CatalogSearch search;
    private final List<CatalogSearch> opened = new ArrayList<>();

    /** A new, empty search on its own index (or folder) called {@code name}. */
    protected abstract CatalogSearch openSearch(String name);

    /** Closes the search and removes its index. */
    protected abstract void discard(CatalogSearch search);

    @BeforeAll
    void indexFixture() {
        search = open("fixture");
        search.indexAll(SearchFixture.all());
        search.refresh();
    }

    @AfterAll
    void discardAll() {
        opened.forEach(this::discard);
    }

    private CatalogSearch open(String name) {
        CatalogSearch s = openSearch(name);
        opened.add(s);
        return s;
    }

    // --- text ---------------------------------------------------------------------------------------------

    @Test
    void chinese_finds_the_milk_powders() {
        assertThat(skus(A, "奶粉")).containsExactlyInAnyOrderElementsOf(A_MILK_POWDERS);
    }

    @Test
    void full_pinyin_finds_the_milk_powders_typed_joined_or_apart() {
        assertThat(skus(A, "naifen")).containsExactlyInAnyOrderElementsOf(A_MILK_POWDERS);
        assertThat(skus(A, "nai fen")).containsExactlyInAnyOrderElementsOf(A_MILK_POWDERS);
        assertThat(skus(A, "NaiFen")).containsExactlyInAnyOrderElementsOf(A_MILK_POWDERS);
    }

    @Test
    void pinyin_initials_find_the_milk_powders() {
        assertThat(skus(A, "nf")).containsExactlyInAnyOrderElementsOf(A_MILK_POWDERS);
    }

    @Test
    void pinyin_of_a_whole_phrase_and_of_both_readings_of_a_polyphone() {
        assertThat(skus(A, "yingernaifen")).containsExactlyInAnyOrder("A-MILK-01", "A-MILK-02", "A-MILK-03",
                "A-MILK-04", "A-MILK-07");
        assertThat(skus(A, "xinglixiang")).containsExactly("A-BAG-01");
        assertThat(skus(A, "lvcha")).containsExactly("A-CHOC-03");
    }

    @Test
    void every_typed_word_must_match_somewhere() {
        assertThat(skus(A, "a2 奶粉")).containsExactlyInAnyOrder("A-MILK-03", "A-MILK-05");
        assertThat(skus(A, "aptamil stage")).containsExactlyInAnyOrder("A-MILK-01", "A-MILK-02");
        assertThat(skus(A, "Lancôme")).containsExactlyInAnyOrder("A-CREAM-02", "A-LIP-01");
        assertThat(skus(A, "奶粉 巧克力")).isEmpty();
    }

    @Test
    void full_width_input_and_mixed_words_match() {
        assertThat(skus(A, "Ａ２")).containsExactlyInAnyOrder("A-MILK-03", "A-MILK-05");
        assertThat(skus(A, "800g")).containsExactlyInAnyOrder("A-MILK-01", "A-MILK-02", "A-MILK-06");
    }

    @Test
    void a_name_match_ranks_above_a_brand_match_above_a_description_match() {
        assertThat(page(A, SearchQuery.text("有机")).items()).extracting(SearchHit::sku)
                .containsExactly("A-ORG-01", "A-ORG-02", "A-ORG-03");
    }

    @Test
    void a_barcode_goes_straight_to_its_one_product() {
        SearchPage page = page(A, SearchQuery.text("9300617003014"));
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.items()).extracting(SearchHit::sku).containsExactly("A-MILK-03");
    }

    @Test
    void a_sku_typed_as_text_finds_it() {
        assertThat(skus(A, "a-toy-01")).containsExactly("A-TOY-01");
    }

    @Test
    void a_hit_carries_what_the_list_shows() {
        SearchHit hit = page(A, SearchQuery.text("9300617003014")).items().get(0);
        assertThat(hit).isEqualTo(new SearchHit("A-MILK-03", "a2白金版婴儿配方奶粉3段900g", "a2 Platinum Toddler Formula Stage 3",
                "a2", 26800, 2430, "https://img.example/A-MILK-03.jpg", true));
        SearchHit noStock = page(A, SearchQuery.text("0300871365407")).items().get(0);
        assertThat(noStock.inStock()).isFalse();
    }

    // --- filters ------------------------------------------------------------------------------------------

    @Test
    void filters_by_brand_category_subtree_origin_and_trade_mode() {
        assertThat(skus(A, q().brand("爱他美"))).containsExactlyInAnyOrder("A-MILK-01", "A-MILK-02");
        assertThat(skus(A, q().category("母婴/奶粉"))).containsExactlyInAnyOrderElementsOf(A_MILK_POWDERS);
        assertThat(skus(A, q().category("母婴/奶粉/成人奶粉"))).containsExactlyInAnyOrder("A-MILK-05", "A-MILK-06");
        assertThat(skus(A, q().category("母婴"))).hasSize(11);
        assertThat(skus(A, q().category("母"))).isEmpty();
        assertThat(skus(A, q().origin("601"))).containsExactlyInAnyOrder("A-MILK-03", "A-MILK-05", "A-VIT-01", "A-VIT-02");
        assertThat(skus(A, q().tradeMode("9610"))).containsExactlyInAnyOrder("A-MILK-04", "A-LIP-01", "A-LIP-02");
        assertThat(skus(A, q().q("奶粉").tradeMode("GENERAL"))).containsExactly("A-MILK-06");
    }

    @Test
    void filters_by_price_range_with_inclusive_bounds() {
        assertThat(skus(A, q().priceMinFen(29_000L).priceMaxFen(31_800L)))
                .containsExactlyInAnyOrder("A-LIP-02", "A-MILK-04", "A-WINE-01", "A-MILK-07");
        assertThat(skus(A, q().priceMaxFen(1_990L))).containsExactlyInAnyOrder("A-CHOC-03", "A-ORG-02");
        assertThat(skus(A, q().priceMinFen(120_000L))).containsExactlyInAnyOrder("A-BAG-01", "A-CREAM-02");
    }

    @Test
    void filters_by_store_assortment_and_stock_at_the_store_warehouse() {
        assertThat(skus(A, q().q("奶粉").store("S2"))).containsExactlyInAnyOrder("A-MILK-01", "A-MILK-03", "A-MILK-04");
        assertThat(skus(A, q().q("奶粉").store("S2").inStockAtWarehouse("W-WEST")))
                .containsExactlyInAnyOrder("A-MILK-01", "A-MILK-03");
        assertThat(page(A, q().q("奶粉").inStockAtWarehouse("W-WEST").build()).items())
                .allSatisfy(hit -> assertThat(hit.inStock()).isTrue());
    }

    // --- facets -------------------------------------------------------------------------------------------

    @Test
    void facets_count_every_hit_of_the_query() {
        SearchFacets facets = page(A, SearchQuery.text("奶粉")).facets();
        assertThat(facets.brand()).containsExactly(new FacetCount("a2", 2), new FacetCount("爱他美", 2),
                new FacetCount("佳贝艾特", 1), new FacetCount("美赞臣", 1), new FacetCount("雀巢", 1));
        assertThat(facets.category()).containsExactly(new FacetCount("母婴", 7));
        assertThat(facets.subcategory()).containsExactly(new FacetCount("母婴/奶粉", 7));
        assertThat(facets.origin()).containsExactly(new FacetCount("304", 2), new FacetCount("601", 2),
                new FacetCount("502", 1), new FacetCount("603", 1), new FacetCount("609", 1));
        assertThat(facets.tradeMode()).containsExactly(new FacetCount("1210", 5), new FacetCount("9610", 1),
                new FacetCount("GENERAL", 1));
        assertThat(facets.price()).containsExactly(
                new PriceRangeCount(PriceRange.BUCKETS.get(1), 1),
                new PriceRangeCount(PriceRange.BUCKETS.get(2), 1),
                new PriceRangeCount(PriceRange.BUCKETS.get(3), 5));
    }

    @Test
    void the_subcategory_facet_is_the_level_below_the_chosen_category() {
        SearchFacets facets = page(A, q().category("母婴/奶粉").build()).facets();
        assertThat(facets.subcategory()).containsExactly(new FacetCount("母婴/奶粉/婴儿奶粉", 5),
                new FacetCount("母婴/奶粉/成人奶粉", 2));
        SearchFacets top = page(A, q().category("母婴").build()).facets();
        assertThat(top.subcategory()).containsExactly(new FacetCount("母婴/奶粉", 7), new FacetCount("母婴/纸尿裤", 2),
                new FacetCount("母婴/喂养", 1), new FacetCount("母婴/辅食", 1));
        SearchFacets everything = page(A, q().build()).facets();
        assertThat(everything.category()).extracting(FacetCount::value).containsExactly(
                "母婴", "食品", "美妆", "保健", "日用", "玩具", "箱包");
        assertThat(everything.category()).extracting(FacetCount::count).containsExactly(11L, 8L, 6L, 3L, 2L, 1L, 1L);
    }

    // --- sorting and paging -------------------------------------------------------------------------------

    @Test
    void sorts_by_price_both_ways_with_the_sku_breaking_ties() {
        List<SearchHit> up = allHits(A, q().sort(SearchSort.PRICE_ASC).size(200));
        assertThat(up).isSortedAccordingTo(Comparator.comparingLong(SearchHit::priceFen).thenComparing(SearchHit::sku));
        assertThat(up).hasSize(32);
        List<SearchHit> down = allHits(A, q().sort(SearchSort.PRICE_DESC).size(200));
        assertThat(down).isSortedAccordingTo(Comparator.comparingLong(SearchHit::priceFen).reversed().thenComparing(SearchHit::sku));
        assertThat(down.get(0).sku()).isEqualTo("A-CREAM-02");
        // 8900 twice: A-CHOC-01 before A-MILK-06 in both directions
        assertThat(down.stream().map(SearchHit::sku).toList()).containsSubsequence("A-CHOC-01", "A-MILK-06");
    }

    @Test
    void sorts_newest_first() {
        assertThat(allHits(A, q().q("奶粉").sort(SearchSort.NEWEST))).extracting(SearchHit::sku)
                .containsExactly("A-MILK-07", "A-MILK-06", "A-MILK-05", "A-MILK-04", "A-MILK-03", "A-MILK-02", "A-MILK-01");
    }

    @Test
    void pages_visit_every_hit_exactly_once_in_every_sort() {
        for (SearchSort sort : SearchSort.values()) {
            List<String> viaPages = new ArrayList<>();
            SearchPage page;
            int n = 1;
            do {
                page = search.search(A, q().sort(sort).size(7).page(n++).build());
                page.items().forEach(h -> viaPages.add(h.sku()));
                assertThat(page.total()).isEqualTo(32);
            } while (!page.items().isEmpty() && n < 10);
            assertThat(viaPages).as(sort.name()).hasSize(32).doesNotHaveDuplicates();
            assertThat(viaPages).as(sort.name()).containsExactlyElementsOf(skusInOrder(A, q().sort(sort).size(200)));
        }
    }

    @Test
    void a_cursor_visits_every_hit_exactly_once_in_every_sort() {
        for (SearchSort sort : SearchSort.values()) {
            List<String> viaCursor = new ArrayList<>();
            SearchQuery query = q().q("奶").sort(sort).size(2).build();
            List<String> expected = skusInOrder(A, query.toBuilder().size(200));
            assertThat(expected).as("enough hits to page").hasSizeGreaterThan(6);
            SearchPage page = search.search(A, query);
            viaCursor.addAll(page.items().stream().map(SearchHit::sku).toList());
            while (page.nextCursor() != null) {
                page = search.search(A, query.after(page.nextCursor()));
                assertThat(page.total()).isEqualTo(expected.size());
                viaCursor.addAll(page.items().stream().map(SearchHit::sku).toList());
            }
            assertThat(viaCursor).as(sort.name()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void the_last_page_has_no_cursor() {
        assertThat(page(A, q().size(32).build()).nextCursor()).isNull();
        assertThat(page(A, q().size(31).build()).nextCursor()).isNotNull();
    }

    @Test
    void bad_paging_and_cursors_are_refused() {
        assertThatThrownBy(() -> q().size(201).build()).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> q().page(51).size(200).build()).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> search.search(A, q().cursor("not-a-cursor").build())).isInstanceOf(InvalidInputException.class);
        String priceCursor = page(A, q().sort(SearchSort.PRICE_ASC).size(2).build()).nextCursor();
        assertThatThrownBy(() -> search.search(A, q().sort(SearchSort.NEWEST).cursor(priceCursor).build()))
                .isInstanceOf(InvalidInputException.class);
    }

    // --- suggestions --------------------------------------------------------------------------------------

    @Test
    void suggests_from_chinese_full_pinyin_and_initials() {
        assertThat(search.suggest(A, "奶", 5)).first().isEqualTo("奶粉");
        assertThat(search.suggest(A, "naif", 5)).first().isEqualTo("奶粉");
        assertThat(search.suggest(A, "nai fen", 5)).first().isEqualTo("奶粉");
        assertThat(search.suggest(A, "nf", 5)).first().isEqualTo("奶粉");
        assertThat(search.suggest(A, "aita", 3)).containsExactly("爱他美", "爱他美婴儿配方奶粉1段800g", "爱他美婴儿配方奶粉2段800g");
        assertThat(search.suggest(A, "atm", 1)).containsExactly("爱他美");
        assertThat(search.suggest(A, "swi", 10)).first().isEqualTo("Swisse");
        assertThat(search.suggest(A, "  ", 10)).isEmpty();
        assertThat(search.suggest(A, "m", 5)).hasSize(5);
    }

    @Test
    void suggestion_limit_is_checked() {
        assertThatThrownBy(() -> search.suggest(A, "n", 11)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> search.suggest(A, "n", 0)).isInstanceOf(InvalidInputException.class);
    }

    // --- tenants ------------------------------------------------------------------------------------------

    @Test
    void a_tenant_never_sees_another_tenants_products() {
        assertThat(allHits(A, q().size(200))).hasSize(32).allSatisfy(h -> assertThat(h.sku()).startsWith("A-"));
        assertThat(allHits(B, q().size(200))).hasSize(8).allSatisfy(h -> assertThat(h.sku()).startsWith("B-"));
        assertThat(skus(A, "贝因美")).isEmpty();
        assertThat(skus(A, "beiyinmei")).isEmpty();
        assertThat(skus(A, "奶茶")).isEmpty();
        assertThat(skus(B, "奶茶")).containsExactly("B-TEA-01");
        assertThat(page(A, q().build()).facets().brand()).extracting(FacetCount::value).doesNotContain("贝因美", "资生堂");
    }

    @Test
    void a_barcode_only_finds_the_tenants_own_product() {
        assertThat(page(A, SearchQuery.text(SearchFixture.B_ONLY_GTIN)).total()).isZero();
        assertThat(skus(A, SearchFixture.SHARED_GTIN)).containsExactly("A-MILK-01");
        assertThat(skus(B, SearchFixture.SHARED_GTIN)).containsExactly("B-MILK-01");
    }

    @Test
    void suggestions_come_only_from_the_tenants_catalog() {
        assertThat(search.suggest(A, "bei", 10)).contains("贝亲").doesNotContain("贝因美", "贝因美婴儿奶粉");
        assertThat(search.suggest(B, "bei", 10)).contains("贝因美").doesNotContain("贝亲");
        assertThat(search.suggest(A, "zi", 10)).doesNotContain("资生堂");
        assertThat(search.suggest(TenantId.of("shop-none"), "n", 10)).isEmpty();
    }

    // --- writes -------------------------------------------------------------------------------------------

    @Test
    void an_indexed_change_is_searchable_and_a_delete_removes() {
        CatalogSearch own = open("writes");
        TenantId t = TenantId.of("shop-w");
        own.indexAll(SearchFixture.shopA().stream().map(d -> retenant(d, t)).toList());
        own.refresh();
        assertThat(own.search(t, SearchQuery.text("奶粉")).total()).isEqualTo(7);

        own.index(SearchFixture.doc(t, 40, "A-MILK-01", "1234567890128", "爱他美卓萃婴儿奶粉", null, "爱他美",
                "母婴/奶粉/婴儿奶粉", "304", "1210", 35800, 3200, "S1", "W-EAST", null));
        own.refresh();
        assertThat(own.search(t, SearchQuery.text("卓萃")).items()).extracting(SearchHit::sku, SearchHit::priceFen)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A-MILK-01", 35800L));
        assertThat(own.search(t, SearchQuery.text("奶粉")).total()).isEqualTo(7);

        own.delete(t, "A-MILK-01");
        own.delete(t, "NO-SUCH-SKU");
        own.refresh();
        assertThat(own.search(t, SearchQuery.text("卓萃")).total()).isZero();
        assertThat(own.search(t, SearchQuery.text("奶粉")).total()).isEqualTo(6);
        assertThat(own.search(t, SearchQuery.text("1234567890128")).total()).isZero();
        assertThat(own.suggest(t, "爱他美卓", 10)).isEmpty();
        assertThat(own.search(t, SearchQuery.builder().build()).facets().brand())
                .contains(new FacetCount("爱他美", 1));

        List<String> twoMilks = skus(own, t, "奶粉").stream().sorted().limit(2).toList();
        own.deleteAll(t, List.of(twoMilks.get(0), "NO-SUCH-SKU", twoMilks.get(1)));
        own.refresh();
        assertThat(own.search(t, SearchQuery.text("奶粉")).total()).isEqualTo(4);
        assertThat(skus(own, t, "奶粉")).doesNotContainAnyElementsOf(twoMilks);
    }

    @Test
    void a_hit_shows_the_image_url_of_its_latest_document_and_none_without_one() {
        CatalogSearch own = open("images");
        TenantId t = TenantId.of("shop-img");
        SearchDocument milk = retenant(SearchFixture.shopA().get(0), t);
        own.index(image(milk, null));
        own.refresh();
        assertThat(own.search(t, SearchQuery.text(milk.sku())).items()).extracting(SearchHit::imageUrl).containsExactly((String) null);

        own.index(image(milk, "/s/shop-img/images/0193a1b2-0000-7000-8000-000000000001/thumb"));
        own.refresh();
        assertThat(own.search(t, SearchQuery.text(milk.sku())).items()).extracting(SearchHit::imageUrl)
                .containsExactly("/s/shop-img/images/0193a1b2-0000-7000-8000-000000000001/thumb");
        assertThat(own.search(t, SearchQuery.builder().page(1).size(50).build()).items()).extracting(SearchHit::imageUrl)
                .containsExactly("/s/shop-img/images/0193a1b2-0000-7000-8000-000000000001/thumb");
    }

    @Test
    void a_rebuild_keeps_answering_from_the_old_index_and_then_serves_the_new_one() {
        CatalogSearch own = open("rebuild");
        TenantId t = TenantId.of("shop-r");
        List<SearchDocument> before = SearchFixture.shopA().stream().map(d -> retenant(d, t)).toList();
        own.indexAll(before);
        own.refresh();

        IndexRebuild rebuild = own.beginRebuild();
        assertThatThrownBy(own::beginRebuild).isInstanceOf(ConflictException.class);
        // the new content: every product but the wine, and the chocolate renamed
        List<SearchDocument> after = before.stream()
                .filter(d -> !d.sku().equals("A-WINE-01"))
                .map(d -> d.sku().equals("A-CHOC-01") ? rename(d, "费列罗金莎巧克力礼盒") : d)
                .toList();
        rebuild.indexAll(after.subList(0, 10));
        assertThat(own.search(t, SearchQuery.builder().build()).total()).isEqualTo(32);
        assertThat(own.search(t, SearchQuery.text("金莎")).total()).isZero();

        // changes made through the port meanwhile reach both indexes and are not undone by the rebuild
        own.index(rename(before.get(21), "有机婴儿米粉新配方"));
        own.delete(t, "A-TOY-01");
        own.refresh();
        assertThat(skus(own, t, "新配方")).containsExactly("A-ORG-01");
        assertThat(skus(own, t, "乐高")).isEmpty();
        rebuild.indexAll(after.subList(10, after.size()));
        assertThat(own.search(t, SearchQuery.text("拉菲")).total()).isEqualTo(1);

        rebuild.switchToRebuilt();
        rebuild.close();
        assertThat(own.search(t, SearchQuery.text("金莎")).items()).extracting(SearchHit::sku).containsExactly("A-CHOC-01");
        assertThat(own.search(t, SearchQuery.text("拉菲")).total()).isZero();
        assertThat(skus(own, t, "新配方")).containsExactly("A-ORG-01");
        assertThat(skus(own, t, "乐高")).isEmpty();
        assertThat(own.search(t, SearchQuery.builder().build()).total()).isEqualTo(30);
        assertThat(own.suggest(t, "jinsha", 10)).isEmpty();
        assertThat(own.suggest(t, "feilieluo", 10)).contains("费列罗", "费列罗金莎巧克力礼盒");

        // writes after the switch land in the new index, and another rebuild may start
        own.delete(t, "A-CHOC-01");
        own.refresh();
        assertThat(own.search(t, SearchQuery.text("金莎")).total()).isZero();
        try (IndexRebuild abandoned = own.beginRebuild()) {
            abandoned.indexAll(List.of(rename(before.get(0), "不会出现的名字")));
        }
        assertThat(own.search(t, SearchQuery.text("不会出现")).total()).isZero();
        assertThat(own.search(t, SearchQuery.builder().build()).total()).isEqualTo(29);
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private static SearchQuery.Builder q() {
        return SearchQuery.builder();
    }

    private SearchPage page(TenantId tenant, SearchQuery query) {
        return search.search(tenant, query);
    }

    private Set<String> skus(TenantId tenant, String text) {
        return skus(tenant, q().q(text));
    }

    private Set<String> skus(TenantId tenant, SearchQuery.Builder query) {
        return new HashSet<>(skusInOrder(tenant, query.size(200)));
    }

    private static Set<String> skus(CatalogSearch s, TenantId tenant, String text) {
        return s.search(tenant, SearchQuery.builder().q(text).size(200).build()).items().stream()
                .map(SearchHit::sku).collect(Collectors.toSet());
    }

    private List<String> skusInOrder(TenantId tenant, SearchQuery.Builder query) {
        return allHits(tenant, query).stream().map(SearchHit::sku).toList();
    }

    private List<SearchHit> allHits(TenantId tenant, SearchQuery.Builder query) {
        SearchPage page = search.search(tenant, query.build());
        assertThat(page.total()).isEqualTo(page.items().size());
        return page.items();
    }

    private static SearchDocument retenant(SearchDocument d, TenantId tenant) {
        return new SearchDocument(tenant, d.sku(), d.gtin(), d.nameZh(), d.nameEn(), d.brand(), d.categoryPath(),
                d.originCountry(), d.tradeMode(), d.priceFen(), d.taxFen(), d.imageUrl(), d.createdAt(),
                d.descriptionZh(), d.descriptionEn(), d.storeCodes(), d.inStockWarehouses());
    }

    private static SearchDocument image(SearchDocument d, String imageUrl) {
        return new SearchDocument(d.tenant(), d.sku(), d.gtin(), d.nameZh(), d.nameEn(), d.brand(), d.categoryPath(),
                d.originCountry(), d.tradeMode(), d.priceFen(), d.taxFen(), imageUrl, d.createdAt(),
                d.descriptionZh(), d.descriptionEn(), d.storeCodes(), d.inStockWarehouses());
    }

    private static SearchDocument rename(SearchDocument d, String nameZh) {
        return new SearchDocument(d.tenant(), d.sku(), d.gtin(), nameZh, d.nameEn(), d.brand(), d.categoryPath(),
                d.originCountry(), d.tradeMode(), d.priceFen(), d.taxFen(), d.imageUrl(), d.createdAt(),
                d.descriptionZh(), d.descriptionEn(), d.storeCodes(), d.inStockWarehouses());
    }

}
