package io.vitrine.api.demo;

import io.vitrine.catalog.assortment.Assortments;
import io.vitrine.catalog.positivelist.PositiveList;
import io.vitrine.catalog.products.ProductForm;
import io.vitrine.catalog.products.Products;
import io.vitrine.catalog.stock.Stock;
import io.vitrine.kernel.tabular.TabularFormat;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.tenants.access.Actor;
import jakarta.inject.Singleton;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The demo shop's shelf: a few bonded goods on the positive list, stocked in the park's warehouse, shown in
 * the experience store S001 and the convenience store S002 — enough to search in Chinese, pinyin and
 * initials on a kiosk.
 */
@Singleton
class DemoCatalog {

    private record Item(String sku, String gtin, String nameZh, String nameEn, String brand, String category,
                        String hsCode, String origin, String unit, String qty1, String gross, String consumptionTax,
                        long priceFen, int stock) {
    }

    private static final List<Item> ITEMS = List.of(
            new Item("A2-FORMULA-900", "9300617003939", "a2 白金版 婴儿配方奶粉 1段 900g", "a2 Platinum infant formula stage 1 900g",
                    "a2", "母婴/奶粉/婴儿奶粉", "1901101000", "601", "122", "0.9", "1.2", "0", 29900, 120),
            new Item("SWISSE-VC-60", "9311770600217", "Swisse 维生素C 泡腾片 60片", "Swisse vitamin C effervescent 60 tablets",
                    "Swisse", "保健/维生素", "2106909090", "601", "140", "0.3", "0.4", "0", 12900, 80),
            new Item("MERRIES-M-64", "4901301230881", "花王 妙而舒 纸尿裤 M号 64片", "Merries diapers M 64",
                    "花王 Kao", "母婴/纸尿裤", "9619001100", "116", "011", "1.5", "1.8", "0", 13900, 60),
            new Item("ESTEE-ANR-50", "0887167485471", "雅诗兰黛 特润修护精华露 小棕瓶 50ml", "Estee Lauder Advanced Night Repair 50ml",
                    "Estée Lauder", "美妆/护肤/精华", "3304990099", "502", "142", "0.05", "0.2", "0.15", 69000, 30),
            new Item("SULWHASOO-SET", "8809685765431", "雪花秀 滋阴生 水乳套装", "Sulwhasoo essential duo set",
                    "雪花秀 Sulwhasoo", "美妆/护肤/套装", "3304990099", "133", "140", "0.3", "0.9", "0.15", 89000, 0));

    private final PositiveList positiveList;
    private final Products products;
    private final Stock stock;
    private final Assortments assortments;
    private final DemoImages images;

    DemoCatalog(PositiveList positiveList, Products products, Stock stock, Assortments assortments, DemoImages images) {
        this.positiveList = positiveList;
        this.products = products;
        this.stock = stock;
        this.assortments = assortments;
        this.images = images;
    }

    /** On a fresh data dir only: the positive list is the platform's, and the demo's is the first one. */
    void seed(Actor platform, Actor retailerAdmin, TenantId shop) {
        String list = "hsCode,description\n1901101000,婴幼儿配方奶粉\n2106909090,其他食品\n9619001100,纸尿裤\n"
                + "3304990099,其他美容化妆品\n";
        positiveList.replace(platform, new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8)), TabularFormat.CSV);
        TenantContext.runAs(shop, () -> {
            for (Item item : ITEMS) {
                products.create(retailerAdmin, form(item, images.upload(retailerAdmin, item.sku(), item.brand())));
                stock.set(retailerAdmin, DemoPark.WAREHOUSE, item.sku(), BigDecimal.valueOf(item.stock()), "demo stock count");
            }
            List<String> all = ITEMS.stream().map(Item::sku).toList();
            assortments.replace(retailerAdmin, "S001", all);
            assortments.replace(retailerAdmin, "S002", all.subList(0, 3));
        });
    }

    private static ProductForm form(Item item, String imageId) {
        boolean cosmetic = item.category().startsWith("美妆");
        return new ProductForm(item.sku(), item.gtin(), item.nameZh(), item.nameEn(), item.brand(), item.category(),
                item.hsCode(), "DEMO-" + item.sku(), item.origin(), item.unit(), "035",
                new BigDecimal(item.qty1()), null, null, new BigDecimal(item.gross()), new BigDecimal(item.qty1()),
                new BigDecimal("0.13"), new BigDecimal(item.consumptionTax()), cosmetic ? new BigDecimal("0.05")
                : new BigDecimal("0.15"), "1210", DemoPark.WAREHOUSE, item.priceFen(), List.of(imageId),
                item.nameZh(), item.nameEn());
    }
}
