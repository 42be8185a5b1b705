package io.vitrine.api.storefront.pages;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.catalog.customscodes.CustomsCodeTable;
import io.vitrine.catalog.images.ImageSize;
import io.vitrine.catalog.images.ImageUrls;
import io.vitrine.catalog.products.CatalogProduct;
import io.vitrine.catalog.products.Product;
import io.vitrine.catalog.products.ShelfPrice;
import io.vitrine.catalog.storefront.ShopperCatalog.ShopperProduct;

import java.math.BigDecimal;
import java.util.List;

/**
 * A product as its pages show it: the tax-inclusive price of one unit (domain.md's one tax rule, through
 * {@link ShelfPrice}) with the tax it holds and the rate, the origin by its customs country name, and the units
 * the named store can sell now ({@code available} null without a store), and its images in the medium size
 * (empty when it has none). No customs record numbers.
 */
public record ProductFacts(String sku, String name, @Nullable String nameEn, String brand, String categoryPath,
                           String originCode, String originName, String priceWithTax, String price, String tax,
                           String taxRate, boolean positiveList, @Nullable String descriptionZh,
                           @Nullable String descriptionEn, @Nullable String storeCode, @Nullable Long available,
                           List<String> imageUrls) {

    public static ProductFacts of(String shopSlug, ShopperProduct shown) {
        CatalogProduct read = shown.read();
        Product p = read.product();
        ShelfPrice shelf = read.shelfPrice();
        return new ProductFacts(p.sku(), p.nameZh(), p.nameEn(), p.brand(), p.categoryPath(), p.originCountry(),
                CustomsCodeTable.COUNTRIES.nameZh(p.originCountry()).orElse(p.originCountry()),
                shelf.priceWithTax().toDisplayString(), shelf.price().toDisplayString(), shelf.tax().toDisplayString(),
                percent(shelf.comprehensiveRate()), read.positiveList(), p.descriptionZh(), p.descriptionEn(),
                shown.stock() == null ? null : shown.stock().storeCode(),
                shown.stock() == null ? null : shown.stock().available(),
                p.images().stream().map(id -> ImageUrls.of(shopSlug, id, ImageSize.MEDIUM)).toList());
    }

    public boolean inStock() {
        return available != null && available > 0;
    }

    /** 0.091 -> "9.1%". */
    private static String percent(BigDecimal rate) {
        BigDecimal percent = rate.movePointRight(2).stripTrailingZeros();
        return (percent.scale() < 0 ? percent.setScale(0) : percent).toPlainString() + "%";
    }
}
