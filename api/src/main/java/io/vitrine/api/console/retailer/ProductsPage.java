package io.vitrine.api.console.retailer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import io.vitrine.api.console.ConsoleLinks;
import io.vitrine.api.console.ConsolePage;
import io.vitrine.api.console.FormBody;
import io.vitrine.api.console.FormErrors;
import io.vitrine.api.console.OneTimeForms;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.catalog.products.Catalog;
import io.vitrine.catalog.products.CatalogProduct;
import io.vitrine.catalog.products.Product;
import io.vitrine.catalog.products.Products;
import io.vitrine.catalog.products.TradeMode;
import io.vitrine.catalog.stock.StockLevels;
import io.vitrine.kernel.error.BusinessRuleException;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /console/products}: the retailer's catalog through the catalog's own services — the list (search by SKU,
 * name, brand or barcode, {@link Catalog#list}), the product form checked by {@code ProductValidation} (its errors
 * next to each field), and deletion, which {@link Products#delete} refuses while bonded stock is on hand. A store
 * manager reads, as the API lets it. The product page also shows the product's stock per warehouse (so a refused
 * deletion shows what holds it). Pages that are not a product live under {@code /-/}: a SKU has no slash, so no
 * product's page is shadowed by them.
 */
@Controller("/console/products")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Hidden
final class ProductsPage {

    static final int PAGE_SIZE = 50;
    private static final int STOCK_ROWS = 100;
    private static final String PATH = "/console/products";

    private final Products products;
    private final Catalog catalog;
    private final OwnWarehouses warehouses;
    private final OneTimeForms forms;
    private final StockLevels stock;

    ProductsPage(Products products, Catalog catalog, OwnWarehouses warehouses, OneTimeForms forms, StockLevels stock) {
        this.products = products;
        this.catalog = catalog;
        this.warehouses = warehouses;
        this.forms = forms;
        this.stock = stock;
    }

    @Get
    @Secured({"RETAILER_ADMIN", "STORE_MANAGER"})
    HttpResponse<?> list(Authentication caller, @Nullable @QueryValue String q,
                         @QueryValue(defaultValue = "0") int page, @Nullable @QueryValue String deleted) {
        String query = q == null ? "" : q.strip();
        Page<CatalogProduct> found = catalog.list(query, Math.max(page, 0), PAGE_SIZE);
        return ConsolePage.render("products", ConsolePage.model(caller,
                "products", found.getContent().stream().map(ProductRow::of).toList(),
                "q", query,
                "listTarget", query.isEmpty() ? PATH : PATH + "?q=" + ConsoleLinks.encode(query),
                "page", found.getPageNumber(),
                "total", found.getTotalSize(),
                "hasNext", (long) (found.getPageNumber() + 1) * PAGE_SIZE < found.getTotalSize(),
                "deleted", deleted));
    }

    @Get("/-/new")
    @Secured("RETAILER_ADMIN")
    HttpResponse<?> newProduct(Authentication caller) {
        return form(HttpStatus.OK, caller, "new", null, null, Map.of(), null, false);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("RETAILER_ADMIN")
    HttpResponse<?> create(HttpRequest<?> request, Authentication caller) {
        FormBody sent = FormBody.of(request);
        ProductFields fields = ProductFields.of(sent);
        return forms.once(request, caller, sent.first(OneTimeForms.FIELD), fields, () -> {
            try {
                Product created = products.create(StaffClaims.actorOf(caller), fields.toForm(List.of()));
                return ConsoleLinks.seeOther(request, PATH + "/" + ConsoleLinks.encode(created.sku()) + "?saved=1");
            } catch (InvalidInputException invalid) {
                return form(HttpStatus.BAD_REQUEST, caller, "new", fields, null, errors(invalid, request), null, false);
            } catch (ConflictException taken) { // the SKU or the barcode belongs to another product
                return form(HttpStatus.CONFLICT, caller, "new", fields, null, Map.of(), taken.getMessage(), false);
            }
        });
    }

    @Get("/{sku}")
    @Secured({"RETAILER_ADMIN", "STORE_MANAGER"})
    HttpResponse<?> show(@PathVariable String sku, @Nullable @QueryValue String saved, Authentication caller) {
        CatalogProduct read = catalog.get(sku);
        String mode = StaffClaims.actorOf(caller).is(StaffRole.RETAILER_ADMIN) ? "edit" : "view";
        return form(HttpStatus.OK, caller, mode, ProductFields.of(read.product()), read, Map.of(), null, saved != null);
    }

    @Post(value = "/{sku}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("RETAILER_ADMIN")
    HttpResponse<?> update(HttpRequest<?> request, @PathVariable String sku, Authentication caller) {
        CatalogProduct current = catalog.get(sku); // another tenant's SKU stays a 404, whatever was typed
        ProductFields fields = ProductFields.of(FormBody.of(request)).withSku(current.product().sku());
        try {
            products.update(StaffClaims.actorOf(caller), sku, fields.toForm(current.product().images()));
            return ConsoleLinks.seeOther(request, PATH + "/" + ConsoleLinks.encode(sku) + "?saved=1");
        } catch (InvalidInputException invalid) {
            return form(HttpStatus.BAD_REQUEST, caller, "edit", fields, current, errors(invalid, request), null, false);
        } catch (ConflictException taken) {
            return form(HttpStatus.CONFLICT, caller, "edit", fields, current, Map.of(), taken.getMessage(), false);
        }
    }

    /** Asked for in the page (console.js confirms first); refused while bonded stock is on hand: the product page says why. */
    @Post(value = "/{sku}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("RETAILER_ADMIN")
    HttpResponse<?> delete(HttpRequest<?> request, @PathVariable String sku, Authentication caller) {
        Actor actor = StaffClaims.actorOf(caller);
        try {
            products.delete(actor, sku);
            return ConsoleLinks.seeOther(request, PATH + "?deleted=" + ConsoleLinks.encode(sku));
        } catch (BusinessRuleException refused) {
            CatalogProduct current = catalog.get(sku);
            return form(HttpStatus.UNPROCESSABLE_ENTITY, caller, "edit", ProductFields.of(current.product()), current,
                    Map.of(), null, false, refused.code());
        }
    }

    /** The price is typed in yuan in the field {@code price}; the catalog names it {@code priceFen}. */
    private static Map<String, String> errors(InvalidInputException invalid, HttpRequest<?> request) {
        Map<String, String> byField = new LinkedHashMap<>(FormErrors.of(invalid, request));
        String price = byField.remove("priceFen");
        if (price != null) {
            byField.put("price", price);
        }
        return byField;
    }

    private HttpResponse<?> form(HttpStatus status, Authentication caller, String mode, @Nullable ProductFields fields,
                                 @Nullable CatalogProduct read, Map<String, String> errors, @Nullable String conflict,
                                 boolean saved) {
        return form(status, caller, mode, fields, read, errors, conflict, saved, null);
    }

    private HttpResponse<?> form(HttpStatus status, Authentication caller, String mode, @Nullable ProductFields fields,
                                 @Nullable CatalogProduct read, Map<String, String> errors, @Nullable String conflict,
                                 boolean saved, @Nullable String refusal) {
        return ConsolePage.render(status, "product", ConsolePage.model(caller,
                "mode", mode,
                "form", fields,
                "derived", read == null ? null : ProductRow.of(read),
                "images", read == null ? List.of() : read.product().images(),
                "stock", read == null ? List.of() : stock.list(null, read.product().sku(), 0, STOCK_ROWS).getContent()
                        .stream().map(StockRow::of).toList(),
                "errors", errors,
                "conflict", conflict,
                "refusal", refusal,
                "saved", saved,
                "tradeModes", Arrays.stream(TradeMode.values()).map(TradeMode::code).toList(),
                "warehouses", mode.equals("view") ? null : warehouses.of(StaffClaims.actorOf(caller))));
    }
}
