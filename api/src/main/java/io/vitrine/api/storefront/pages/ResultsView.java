package io.vitrine.api.storefront.pages;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.catalog.search.FacetCount;
import io.vitrine.catalog.storefront.ShopperResults;
import io.vitrine.kernel.money.Money;

import java.util.List;
import java.util.function.Function;

/**
 * A page of search results as the storefront pages show them: tiles with the tax-inclusive price, brand and
 * category facets as links that narrow the results (with their counts), the chosen ones as links that undo them,
 * and links to the previous and next page.
 */
public record ResultsView(long total, List<Tile> items, List<FacetLink> brands, List<FacetLink> categories,
                          @Nullable FacetLink chosenBrand, @Nullable FacetLink chosenCategory,
                          @Nullable String previous, @Nullable String next, boolean degraded) {

    /**
     * A product in the grid; {@code priceWithTax} is what the shopper pays for one unit, tax included;
     * {@code imageUrl} the first image's thumbnail, null when the product has none.
     */
    public record Tile(String sku, String name, @Nullable String nameEn, String brand, String priceWithTax,
                       String tax, boolean inStock, String href, @Nullable String imageUrl) {
    }

    /** A facet value: following {@code href} narrows the results to it (or, once chosen, undoes it). */
    public record FacetLink(String label, long count, String href) {
    }

    /**
     * @param base        the search page's own address
     * @param productLink the page a tile opens, by SKU
     */
    public static ResultsView of(ShopperResults results, ShopperSearch asked, String base,
                                 Function<String, String> productLink) {
        List<Tile> tiles = results.items().stream().map(item -> new Tile(item.sku(), item.name(), item.nameEn(),
                item.brand(), Money.ofFen(item.priceFen() + item.taxFen()).toDisplayString(),
                Money.ofFen(item.taxFen()).toDisplayString(), item.inStock(),
                asked.keepingLanguage(productLink.apply(item.sku())), item.imageUrl())).toList();
        List<FacetLink> brands = asked.brand() != null ? List.of()
                : links(results.facets().brand(), value -> asked.withBrand(base, value), Function.identity());
        // below a chosen category, its subcategories; the label is the last segment of the full path
        List<FacetLink> categories = asked.category() == null
                ? links(results.facets().category(), value -> asked.withCategory(base, value), Function.identity())
                : links(results.facets().subcategory(), value -> asked.withCategory(base, value), ResultsView::lastSegment);
        FacetLink chosenBrand = asked.brand() == null ? null
                : new FacetLink(asked.brand(), results.total(), asked.withBrand(base, null));
        FacetLink chosenCategory = asked.category() == null ? null
                : new FacetLink(asked.category(), results.total(), asked.withCategory(base, null));
        boolean more = (long) (asked.page() + 1) * ShopperSearch.PAGE_SIZE < results.total();
        return new ResultsView(results.total(), tiles, brands, categories, chosenBrand, chosenCategory,
                asked.page() > 0 ? asked.withPage(base, asked.page() - 1) : null,
                more ? asked.withPage(base, asked.page() + 1) : null, results.degraded());
    }

    private static List<FacetLink> links(List<FacetCount> counts, Function<String, String> href,
                                         Function<String, String> label) {
        return counts.stream().map(c -> new FacetLink(label.apply(c.value()), c.count(), href.apply(c.value()))).toList();
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
