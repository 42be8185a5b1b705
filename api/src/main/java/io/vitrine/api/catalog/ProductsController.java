package io.vitrine.api.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.api.tenants.Listing;
import io.vitrine.catalog.products.Catalog;
import io.vitrine.catalog.products.CatalogProduct;
import io.vitrine.catalog.products.Product;
import io.vitrine.catalog.products.ProductForm;
import io.vitrine.catalog.products.Products;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The caller's catalog (api.md "Catalog and stock"): retailer admins create, change and delete products;
 * retailer admins and store managers read them. Another tenant's SKU is simply not found (404).
 * {@code positiveList}, {@code taxFen} and {@code priceWithTaxFen} are derived, never taken from the client.
 */
@Controller("/api/v1/products")
@ExecuteOn(TaskExecutors.BLOCKING)
class ProductsController {

    private final Products products;
    private final Catalog catalog;

    ProductsController(Products products, Catalog catalog) {
        this.products = products;
        this.catalog = catalog;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Secured("RETAILER_ADMIN")
    ProductView create(@Body ProductRequest request, Authentication caller) {
        return ProductView.of(catalog.describe(products.create(StaffClaims.actorOf(caller), request.form())));
    }

    @Get
    @Secured({"RETAILER_ADMIN", "STORE_MANAGER"})
    Listing<ProductView> list(@Nullable @QueryValue String q, @QueryValue(defaultValue = "0") int page,
                              @QueryValue(defaultValue = "50") int size) {
        Listing.checkPage(page, size);
        return Listing.of(catalog.list(q, page, size), ProductView::of);
    }

    @Get("/{sku}")
    @Secured({"RETAILER_ADMIN", "STORE_MANAGER"})
    ProductView get(@PathVariable String sku) {
        return ProductView.of(catalog.get(sku));
    }

    @Put("/{sku}")
    @Secured("RETAILER_ADMIN")
    ProductView update(@PathVariable String sku, @Body ProductRequest request, Authentication caller) {
        return ProductView.of(catalog.describe(products.update(StaffClaims.actorOf(caller), sku, request.form())));
    }

    @Delete("/{sku}")
    @Status(HttpStatus.NO_CONTENT)
    @Secured("RETAILER_ADMIN")
    void delete(@PathVariable String sku, Authentication caller) {
        products.delete(StaffClaims.actorOf(caller), sku);
    }

    @Serdeable
    record ProductRequest(@Nullable String sku, @Nullable String gtin, @Nullable String nameZh, @Nullable String nameEn,
                          @Nullable String brand, @Nullable String categoryPath, @Nullable String hsCode,
                          @Nullable String itemRecordNo, @Nullable String originCountry, @Nullable String unit,
                          @Nullable String unit1, @Nullable BigDecimal qty1PerUnit, @Nullable String unit2,
                          @Nullable BigDecimal qty2PerUnit, @Nullable BigDecimal grossWeightKg,
                          @Nullable BigDecimal netWeightKg, @Nullable BigDecimal vatRate,
                          @Nullable BigDecimal consumptionTaxRate, @Nullable BigDecimal mfnTariffRate,
                          @Nullable String tradeMode, @Nullable String warehouseCode, @Nullable Long priceFen,
                          @Nullable List<String> images, @Nullable String descriptionZh, @Nullable String descriptionEn) {
        ProductForm form() {
            return new ProductForm(sku, gtin, nameZh, nameEn, brand, categoryPath, hsCode, itemRecordNo, originCountry,
                    unit, unit1, qty1PerUnit, unit2, qty2PerUnit, grossWeightKg, netWeightKg, vatRate, consumptionTaxRate,
                    mfnTariffRate, tradeMode, warehouseCode, priceFen, images, descriptionZh, descriptionEn);
        }
    }

    /** api.md's product, plus what is derived: positive-list eligibility, the tax on one unit and the price with it. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS) // every field of the contract, also when empty or null
    record ProductView(String sku, @Nullable String gtin, String nameZh, @Nullable String nameEn, String brand,
                       String categoryPath, String hsCode, @Nullable String itemRecordNo, String originCountry,
                       String unit, String unit1, BigDecimal qty1PerUnit, @Nullable String unit2,
                       @Nullable BigDecimal qty2PerUnit, BigDecimal grossWeightKg, BigDecimal netWeightKg,
                       BigDecimal vatRate, BigDecimal consumptionTaxRate, @Nullable BigDecimal mfnTariffRate,
                       String tradeMode, String warehouseCode, long priceFen, List<String> images,
                       @Nullable String descriptionZh, @Nullable String descriptionEn, boolean positiveList,
                       long taxFen, long priceWithTaxFen, BigDecimal comprehensiveTaxRate, Instant createdAt,
                       Instant updatedAt) {

        static ProductView of(CatalogProduct read) {
            Product p = read.product();
            return new ProductView(p.sku(), p.gtin(), p.nameZh(), p.nameEn(), p.brand(), p.categoryPath(), p.hsCode(),
                    p.itemRecordNo(), p.originCountry(), p.unit(), p.unit1(), plain(p.qty1PerUnit()), p.unit2(),
                    plain(p.qty2PerUnit()), plain(p.grossWeightKg()), plain(p.netWeightKg()), plain(p.vatRate()),
                    plain(p.consumptionTaxRate()), plain(p.mfnTariffRate()), p.tradeMode().code(), p.warehouseCode(),
                    p.priceFen(), p.images(), p.descriptionZh(), p.descriptionEn(), read.positiveList(),
                    read.shelfPrice().tax().fen(), read.shelfPrice().priceWithTax().fen(),
                    plain(read.shelfPrice().comprehensiveRate()), p.createdAt(), p.updatedAt());
        }

        /** {@code 0.13}, not {@code 0.130000} or {@code 1.3E-1}. */
        private static BigDecimal plain(@Nullable BigDecimal value) {
            if (value == null) {
                return null;
            }
            BigDecimal stripped = value.stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }
    }
}
