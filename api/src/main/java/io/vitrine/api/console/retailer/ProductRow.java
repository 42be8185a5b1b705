package io.vitrine.api.console.retailer;

import io.vitrine.catalog.products.CatalogProduct;
import io.vitrine.catalog.products.Product;

/** One line of the products list: what the catalog derives (tax-inclusive price, positive list) included. */
public record ProductRow(String sku, String nameZh, String nameEn, String brand, String categoryPath, String tradeMode,
                         String price, String priceWithTax, boolean taxOnTop, boolean positiveList) {

    static ProductRow of(CatalogProduct read) {
        Product p = read.product();
        return new ProductRow(p.sku(), p.nameZh(), p.nameEn() == null ? "" : p.nameEn(), p.brand(), p.categoryPath(),
                p.tradeMode().code(), read.shelfPrice().price().toDisplayString(),
                read.shelfPrice().priceWithTax().toDisplayString(), !read.shelfPrice().tax().isZero(),
                read.positiveList());
    }
}
