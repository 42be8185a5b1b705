package io.vitrine.api.storefront;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.catalog.images.ImageSize;
import io.vitrine.catalog.images.ImageUrls;
import io.vitrine.catalog.products.CatalogProduct;
import io.vitrine.catalog.products.Product;
import io.vitrine.catalog.search.FacetCount;
import io.vitrine.catalog.search.PriceRangeCount;
import io.vitrine.catalog.search.SearchFacets;
import io.vitrine.catalog.storefront.ShopperCatalog.ShopperProduct;
import io.vitrine.catalog.storefront.ShopperResults;

import java.math.BigDecimal;
import java.util.List;

/** What shoppers get (api.md "Storefront"): shopper-safe fields only, no customs record numbers or tax rates. */
final class StorefrontViews {

    private StorefrontViews() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SearchView(long total, List<ItemView> items, FacetsView facets, @Nullable String nextCursor) {

        static SearchView of(ShopperResults results) {
            return new SearchView(results.total(), results.items().stream().map(ItemView::of).toList(),
                    FacetsView.of(results.facets()), results.nextCursor());
        }
    }

    /** {@code inStock}: at the searched store's warehouse, or at any warehouse when no store was named. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ItemView(String sku, String name, @Nullable String nameEn, String brand, long priceFen, long taxFen,
                    long priceWithTaxFen, @Nullable String imageUrl, boolean inStock) {

        static ItemView of(ShopperResults.Item item) {
            return new ItemView(item.sku(), item.name(), item.nameEn(), item.brand(), item.priceFen(), item.taxFen(),
                    item.priceFen() + item.taxFen(), item.imageUrl(), item.inStock());
        }
    }

    /** Each facet's values with their hit counts; {@code subcategory} is the level below the asked category. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record FacetsView(List<FacetView> brand, List<FacetView> category, List<FacetView> subcategory,
                      List<FacetView> origin, List<FacetView> tradeMode, List<PriceView> price) {

        static FacetsView of(SearchFacets facets) {
            return new FacetsView(FacetView.of(facets.brand()), FacetView.of(facets.category()),
                    FacetView.of(facets.subcategory()), FacetView.of(facets.origin()), FacetView.of(facets.tradeMode()),
                    facets.price().stream().map(PriceView::of).toList());
        }
    }

    /** A value to filter by and how many hits carry it. */
    @Serdeable
    record FacetView(String value, long count) {

        static List<FacetView> of(List<FacetCount> counts) {
            return counts.stream().map(c -> new FacetView(c.value(), c.count())).toList();
        }
    }

    /** A price bucket {@code [fromFen, toFen)}; an open end is null. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PriceView(@Nullable Long fromFen, @Nullable Long toFen, long count) {

        static PriceView of(PriceRangeCount bucket) {
            return new PriceView(bucket.range().fromFen(), bucket.range().toFen(), bucket.count());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SuggestView(List<String> items) {
    }

    /** Units the store can sell now (its warehouse's stock less reservations). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record StockView(String storeCode, long available, boolean inStock) {
    }

    /** A product image: the original, its 320 px thumbnail and its 800 px rendition (long side), in display order. */
    @Serdeable
    record ImageView(String imageId, String url, String thumbnailUrl, String mediumUrl) {

        static ImageView of(String shop, String imageId) {
            return new ImageView(imageId, ImageUrls.original(shop, imageId), ImageUrls.of(shop, imageId, ImageSize.THUMB),
                    ImageUrls.of(shop, imageId, ImageSize.MEDIUM));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ProductView(String sku, @Nullable String gtin, String name, String nameZh, @Nullable String nameEn,
                       String brand, String categoryPath, String originCountry, String tradeMode, long priceFen,
                       long taxFen, long priceWithTaxFen, BigDecimal comprehensiveTaxRate, boolean positiveList,
                       List<ImageView> images, @Nullable String descriptionZh, @Nullable String descriptionEn,
                       @Nullable StockView stock) {

        /** @param shop the slug of the {@code /s/{tenant}} path, for the image URLs */
        static ProductView of(ShopperProduct shown, String shop) {
            CatalogProduct read = shown.read();
            Product p = read.product();
            StockView stock = shown.stock() == null ? null : new StockView(shown.stock().storeCode(),
                    shown.stock().available(), shown.stock().inStock());
            BigDecimal rate = read.shelfPrice().comprehensiveRate().stripTrailingZeros();
            return new ProductView(p.sku(), p.gtin(), p.nameZh(), p.nameZh(), p.nameEn(), p.brand(), p.categoryPath(),
                    p.originCountry(), p.tradeMode().code(), p.priceFen(), read.shelfPrice().tax().fen(),
                    read.shelfPrice().priceWithTax().fen(), rate.scale() < 0 ? rate.setScale(0) : rate,
                    read.positiveList(), p.images().stream().map(id -> ImageView.of(shop, id)).toList(), p.descriptionZh(), p.descriptionEn(), stock);
        }
    }
}
