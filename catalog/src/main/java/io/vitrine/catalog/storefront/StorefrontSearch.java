package io.vitrine.catalog.storefront;

import io.vitrine.catalog.images.ImageUrls;
import io.vitrine.catalog.products.Product;
import io.vitrine.catalog.search.CatalogSearch;
import io.vitrine.catalog.search.SearchHit;
import io.vitrine.catalog.search.SearchPage;
import io.vitrine.catalog.search.SearchQuery;
import io.vitrine.catalog.stock.StockLevels;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.stores.Store;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The shopper's search and suggestions in the current tenant (the storefront's {@code /s/{tenant}}): from the
 * search engine, or — when the engine fails, is too slow or its breaker is open ({@link EngineGuard}) — from
 * the database ({@link DatabaseSearch}), marked {@code degraded}.
 */
@Singleton
public class StorefrontSearch {

    private final CatalogSearch engine;
    private final EngineGuard guard;
    private final DatabaseSearch database;
    private final ShopperCatalog catalog;
    private final StockLevels stock;
    private final CurrentTenant currentTenant;
    private final ImageUrls imageUrls;

    StorefrontSearch(CatalogSearch engine, EngineGuard guard, DatabaseSearch database, ShopperCatalog catalog,
                     StockLevels stock, CurrentTenant currentTenant, ImageUrls imageUrls) {
        this.engine = engine;
        this.guard = guard;
        this.database = database;
        this.catalog = catalog;
        this.stock = stock;
        this.currentTenant = currentTenant;
        this.imageUrls = imageUrls;
    }

    public ShopperResults search(SearchParameters parameters) {
        TenantId tenant = currentTenant.require(); // an unknown shop is 404 before anything else
        ShopperQuery query = parameters.check();
        // only a search that names a store looks it up: store() is transactional, and opening a transaction for
        // nothing cost every other search a few database round trips (measured by benchmarks' search suite)
        Optional<Store> store = query.store() == null ? Optional.empty() : catalog.store(query.store());
        SearchQuery engineQuery = engineQuery(query, store);
        return guard.call("search", () -> engine.search(tenant, engineQuery))
                .map(StorefrontSearch::fromEngine)
                .orElseGet(() -> fromDatabase(tenant, query, store));
    }

    /** Up to {@link CatalogSearch#MAX_SUGGESTIONS} completions of what was typed. */
    public Suggestions suggest(String typed) {
        TenantId tenant = currentTenant.require();
        String prefix = typed == null ? "" : typed.strip();
        if (prefix.length() > SearchParameters.MAX_TEXT) {
            throw io.vitrine.kernel.error.InvalidInputException.of("q", "TOO_LONG",
                    "at most " + SearchParameters.MAX_TEXT + " characters");
        }
        if (prefix.isEmpty()) {
            return new Suggestions(List.of(), false);
        }
        return guard.call("suggest", () -> engine.suggest(tenant, prefix, CatalogSearch.MAX_SUGGESTIONS))
                .map(found -> new Suggestions(found, false))
                .orElseGet(() -> new Suggestions(database.suggest(tenant, prefix, CatalogSearch.MAX_SUGGESTIONS), true));
    }

    public record Suggestions(List<String> completions, boolean degraded) {
    }

    private SearchQuery engineQuery(ShopperQuery query, Optional<Store> store) {
        SearchQuery.Builder builder = SearchQuery.builder().q(query.q()).brand(query.brand()).category(query.category())
                .origin(query.origin()).tradeMode(query.tradeMode()).priceMinFen(query.priceMinFen())
                .priceMaxFen(query.priceMaxFen()).sort(query.sort()).page(query.page() + 1).size(query.size())
                .cursor(query.cursor());
        store.ifPresent(s -> {
            builder.store(s.code()); // the store's assortment
            // the store's warehouse: the in-stock flags speak of it, and inStock=true keeps only those in stock there
            builder.inStockAtWarehouse(query.inStock() ? s.warehouseCode() : null);
        });
        return builder.build();
    }

    private static ShopperResults fromEngine(SearchPage page) {
        List<ShopperResults.Item> items = page.items().stream().map(StorefrontSearch::item).toList();
        return new ShopperResults(page.total(), items, page.facets(), page.nextCursor(), false);
    }

    private static ShopperResults.Item item(SearchHit hit) {
        return new ShopperResults.Item(hit.sku(), hit.name(), hit.nameEn(), hit.brand(), hit.priceFen(), hit.taxFen(),
                hit.imageUrl(), hit.inStock());
    }

    private ShopperResults fromDatabase(TenantId tenant, ShopperQuery query, Optional<Store> store) {
        if (query.cursor() != null) {
            // an engine cursor means nothing to the database: the list ends here while the engine is away
            return new ShopperResults(0, List.of(), ShopperResults.noFacets(), null, true);
        }
        DatabaseSearch.Found found = database.search(tenant, query, store.map(Store::warehouseCode).orElse(null));
        List<String> skus = found.products().stream().map(Product::sku).toList();
        Set<String> inStock = inStock(skus, store);
        String shop = imageUrls.slugOf(tenant);
        List<ShopperResults.Item> items = found.products().stream()
                .map(product -> ShopperResults.Item.of(catalog.describe(product), inStock.contains(product.sku()),
                        imageUrls.firstThumbnail(shop, product.images())))
                .toList();
        return new ShopperResults(found.total(), items, ShopperResults.noFacets(), null, true);
    }

    /** As the engine's flags: in stock at the store's warehouse, or at any warehouse without a store. */
    private Set<String> inStock(List<String> skus, Optional<Store> store) {
        if (skus.isEmpty()) {
            return Set.of();
        }
        if (store.isPresent()) {
            return stock.availableAtStore(store.get().code(), skus).entrySet().stream()
                    .filter(e -> e.getValue() > 0).map(Map.Entry::getKey).collect(Collectors.toSet());
        }
        return stock.warehousesWithStock(skus).keySet();
    }
}
