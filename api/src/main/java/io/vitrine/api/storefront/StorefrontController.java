package io.vitrine.api.storefront;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.api.security.ClientAddress;
import io.vitrine.api.storefront.StorefrontViews.ProductView;
import io.vitrine.api.storefront.StorefrontViews.SearchView;
import io.vitrine.api.storefront.StorefrontViews.SuggestView;
import io.vitrine.catalog.storefront.SearchParameters;
import io.vitrine.catalog.storefront.ShopperCatalog;
import io.vitrine.catalog.storefront.ShopperCatalog.ShopperProduct;
import io.vitrine.catalog.storefront.ShopperRateLimit;
import io.vitrine.catalog.storefront.ShopperResults;
import io.vitrine.catalog.storefront.StorefrontSearch;

import java.time.Duration;

/**
 * The shopper's catalog (api.md "Storefront"), anonymous, in the tenant of the {@code /s/{tenant}} path (an
 * unknown or suspended shop answers 404, as does another shop's SKU or barcode). Search and suggestions are
 * limited per client address (429) and answer from the database when the search engine cannot, saying so in
 * {@code X-Search-Degraded: database}.
 */
@Controller("/s/{tenant}/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Storefront")
class StorefrontController {

    static final String DEGRADED = "X-Search-Degraded";

    private final StorefrontSearch search;
    private final ShopperCatalog catalog;
    private final ShopperRateLimit rateLimit;
    private final ClientAddress clientAddress;
    private final Duration productMaxAge;

    StorefrontController(StorefrontSearch search, ShopperCatalog catalog, ShopperRateLimit rateLimit,
                         ClientAddress clientAddress,
                         @Value("${vitrine.storefront.product-max-age:30s}") Duration productMaxAge) {
        this.search = search;
        this.catalog = catalog;
        this.rateLimit = rateLimit;
        this.clientAddress = clientAddress;
        this.productMaxAge = productMaxAge;
    }

    @Get("/search")
    @Operation(summary = "Search the shop's products",
            description = "Filters, facets with counts, sorts relevance|price_asc|price_desc|newest, page (from 0) "
                    + "and size (1-200) up to 10,000 hits, then nextCursor. Answered from the database while the "
                    + "search engine is down (header X-Search-Degraded: database; no facets, no cursor).")
    HttpResponse<SearchView> search(@PathVariable String tenant, @Nullable @QueryValue String q,
                                    @Nullable @QueryValue String brand, @Nullable @QueryValue String category,
                                    @Nullable @QueryValue String origin, @Nullable @QueryValue String tradeMode,
                                    @Nullable @QueryValue String priceMinFen, @Nullable @QueryValue String priceMaxFen,
                                    @Nullable @QueryValue String store, @Nullable @QueryValue String inStock,
                                    @Nullable @QueryValue String sort, @Nullable @QueryValue String page,
                                    @Nullable @QueryValue String size, @Nullable @QueryValue String cursor,
                                    HttpRequest<?> request) {
        ShopperResults results = rateLimit.limit(clientAddress.of(request), () -> search.search(new SearchParameters(q,
                brand, category, origin, tradeMode, priceMinFen, priceMaxFen, store, inStock, sort, page, size, cursor)));
        return degraded(HttpResponse.ok(SearchView.of(results)), results.degraded());
    }

    @Get("/suggest")
    @Operation(summary = "Up to 10 completions of what the shopper typed (Chinese, full pinyin or initials)")
    HttpResponse<SuggestView> suggest(@PathVariable String tenant, @Nullable @QueryValue String q,
                                      HttpRequest<?> request) {
        StorefrontSearch.Suggestions found = rateLimit.limit(clientAddress.of(request), () -> search.suggest(q));
        return degraded(HttpResponse.ok(new SuggestView(found.completions())), found.degraded());
    }

    @Get("/products/{sku}")
    @Operation(summary = "A product with its price, tax and, with ?store=, the stock at that store")
    HttpResponse<ProductView> product(@PathVariable String tenant, @PathVariable String sku,
                                      @Nullable @QueryValue String store,
                                      @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return cached(catalog.bySku(sku, store), tenant, ifNoneMatch);
    }

    @Get("/barcode/{gtin}")
    @Operation(summary = "The product with this barcode (EAN-8, UPC-A, EAN-13), as /products/{sku}")
    HttpResponse<ProductView> barcode(@PathVariable String tenant, @PathVariable String gtin,
                                      @Nullable @QueryValue String store,
                                      @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return cached(catalog.byBarcode(gtin, store), tenant, ifNoneMatch);
    }

    private static <T> MutableHttpResponse<T> degraded(MutableHttpResponse<T> response, boolean degraded) {
        return degraded ? response.header(DEGRADED, "database") : response;
    }

    /**
     * Without a store the detail changes only with the product (its updatedAt) or the positive list: a short
     * public max-age and an ETag from those. With a store it carries stock, which moves on its own: not cached.
     */
    private HttpResponse<ProductView> cached(ShopperProduct shown, String shop, @Nullable String ifNoneMatch) {
        ProductView view = ProductView.of(shown, shop);
        if (shown.stock() != null) {
            return HttpResponse.ok(view).header(HttpHeaders.CACHE_CONTROL, "no-cache");
        }
        var product = shown.read().product();
        String etag = "W/\"" + product.sku() + "@" + product.updatedAt() + (shown.read().positiveList() ? "+p" : "-p")
                + "\"";
        String cacheControl = "public, max-age=" + productMaxAge.toSeconds();
        if (etag.equals(ifNoneMatch)) {
            return HttpResponse.<ProductView>status(HttpStatus.NOT_MODIFIED).header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, cacheControl);
        }
        return HttpResponse.ok(view).header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, cacheControl);
    }
}
