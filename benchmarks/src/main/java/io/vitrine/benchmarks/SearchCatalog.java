package io.vitrine.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * The search benchmark's generated catalog: {@code skus} products spread evenly over {@code tenants} retailers
 * of one park, with realistic Chinese/English names, brands, three-level categories, prices, bonded stock at the
 * park's warehouse (about 70 % in stock) and one store per retailer whose assortment shows about 60 % of them.
 * Written straight into the tables with multi-row inserts (the import path is another benchmark), in a fixed
 * order from a fixed seed, so every run and both engines get the same catalog.
 */
final class SearchCatalog {

    static final String STORE = "S001";
    private static final int ROWS_PER_INSERT = 200;

    /** A category path with the product kinds sold under it: zh noun, en noun, sizes. */
    private record Kind(String path, String zh, String en, String hsCode, List<String> sizes) {
    }

    private record Brand(String zh, String en, String origin, List<Integer> kinds) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("母婴/奶粉/婴儿奶粉", "婴儿配方奶粉", "Infant Formula", "1901101000", List.of("1段800g", "2段800g", "3段900g", "4段800g")),
            new Kind("母婴/奶粉/成人奶粉", "全脂高钙奶粉", "Full Cream Milk Powder", "0402210000", List.of("1kg", "400g", "800g")),
            new Kind("母婴/辅食/米粉", "有机婴儿米粉", "Organic Baby Rice Cereal", "1901101000", List.of("225g", "250g")),
            new Kind("母婴/尿裤/纸尿裤", "超薄透气纸尿裤", "Ultra-thin Diapers", "9619001100", List.of("S号 82片", "M号 64片", "L号 54片", "XL号 44片")),
            new Kind("美妆/护肤/面霜", "保湿修护面霜", "Moisturising Repair Cream", "3304990099", List.of("50ml", "75ml", "30ml")),
            new Kind("美妆/护肤/精华", "小棕瓶精华液", "Advanced Night Repair Serum", "3304990099", List.of("50ml", "100ml")),
            new Kind("美妆/彩妆/口红", "丝绒哑光口红", "Velvet Matte Lipstick", "3304100091", List.of("#999", "#520", "#888", "#316")),
            new Kind("美妆/面膜/贴片面膜", "补水面膜", "Hydrating Sheet Mask", "3304990099", List.of("10片", "5片")),
            new Kind("保健/营养/鱼油", "深海鱼油软胶囊", "Fish Oil Capsules", "2106909090", List.of("400粒", "200粒", "90粒")),
            new Kind("保健/营养/维生素", "复合维生素片", "Multivitamin Tablets", "2106909090", List.of("120片", "60片")),
            new Kind("保健/营养/益生菌", "益生菌粉", "Probiotic Powder", "2106909090", List.of("30袋", "60袋")),
            new Kind("食品/零食/巧克力", "榛果夹心巧克力", "Hazelnut Chocolate", "1806320000", List.of("T24", "T16", "T30")),
            new Kind("食品/零食/饼干", "黄油曲奇饼干", "Butter Cookies", "1905310000", List.of("454g", "908g")),
            new Kind("食品/饮品/咖啡", "速溶咖啡", "Instant Coffee", "2101110000", List.of("100条", "200g")),
            new Kind("个护/口腔/牙膏", "美白牙膏", "Whitening Toothpaste", "3306100100", List.of("120g", "3支装")),
            new Kind("个护/洗护/洗发水", "去屑洗发水", "Anti-dandruff Shampoo", "3305100000", List.of("750ml", "400ml")),
            new Kind("个护/身体/沐浴露", "香氛沐浴露", "Scented Body Wash", "3401300000", List.of("1000ml", "500ml")),
            new Kind("家居/厨房/保温杯", "不锈钢保温杯", "Stainless Vacuum Flask", "9617001900", List.of("500ml", "350ml")),
            new Kind("家居/旅行/行李箱", "万向轮行李箱", "Spinner Suitcase", "4202111000", List.of("20寸", "24寸", "28寸")));

    private static final List<Brand> BRANDS = List.of(
            new Brand("爱他美", "Aptamil", "304", List.of(0, 1, 2)),
            new Brand("美赞臣", "Mead Johnson", "502", List.of(0, 1)),
            new Brand("惠氏", "Wyeth", "502", List.of(0, 1)),
            new Brand("贝拉米", "Bellamy's", "601", List.of(0, 2)),
            new Brand("a2", "a2", "609", List.of(0, 1)),
            new Brand("嘉宝", "Gerber", "502", List.of(2)),
            new Brand("花王", "Merries", "116", List.of(3)),
            new Brand("帮宝适", "Pampers", "116", List.of(3)),
            new Brand("雅诗兰黛", "Estée Lauder", "502", List.of(4, 5, 6)),
            new Brand("兰蔻", "Lancôme", "305", List.of(4, 5, 6)),
            new Brand("资生堂", "Shiseido", "116", List.of(4, 5, 7)),
            new Brand("迪奥", "Dior", "305", List.of(6, 4)),
            new Brand("美迪惠尔", "Mediheal", "133", List.of(7)),
            new Brand("Swisse", "Swisse", "601", List.of(8, 9, 10)),
            new Brand("澳佳宝", "Blackmores", "601", List.of(8, 9)),
            new Brand("健安喜", "GNC", "502", List.of(8, 9, 10)),
            new Brand("费列罗", "Ferrero", "312", List.of(11)),
            new Brand("丹麦蓝罐", "Kjeldsens", "306", List.of(12)),
            new Brand("雀巢", "Nescafé", "321", List.of(13, 1)),
            new Brand("高露洁", "Colgate", "502", List.of(14)),
            new Brand("狮王", "Lion", "116", List.of(14, 16)),
            new Brand("海飞丝", "Head & Shoulders", "502", List.of(15)),
            new Brand("多芬", "Dove", "303", List.of(16, 15)),
            new Brand("膳魔师", "Thermos", "116", List.of(17)),
            new Brand("新秀丽", "Samsonite", "304", List.of(18)));

    private static final List<String> ADJECTIVES_ZH = List.of("", "", "新版", "经典", "升级版", "限定", "家庭装", "旅行装");
    private static final List<String> ADJECTIVES_EN = List.of("", "", "New", "Classic", "Upgraded", "Limited", "Family Pack", "Travel Size");
    private static final String[] TRADE_MODES = {"1210", "1210", "1210", "9610", "1239", "GENERAL"};

    /**
     * One generated retailer: its id, its storefront slug, its products' SKUs and barcodes, and the SKUs its store
     * {@value #STORE} shows.
     */
    record Merchant(String id, String slug, List<String> skus, List<String> gtins, List<String> shown) {
    }

    private SearchCatalog() {
    }

    /** Creates the retailers and their catalogs; returns them in creation order. */
    static List<Merchant> generate(BenchDatabase database, int skus, int tenants) {
        Random random = new Random(4);
        List<Merchant> merchants = new ArrayList<>();
        int perTenant = skus / tenants;
        for (int t = 0; t < tenants; t++) {
            String id = database.newMerchant();
            String slug = database.slugOf(id);
            int count = perTenant + (t < skus % tenants ? 1 : 0);
            merchants.add(fill(database, id, slug, t, count, random, true));
        }
        return merchants;
    }

    /**
     * Generated products added to retailers that have their store {@value #STORE} already ({@link CheckoutShops}): {@code
     * skus} spread evenly over {@code shops}, about 60 % of them added to the store's assortment; returns them as
     * {@link #generate} does, the shops' own products not included.
     */
    static List<Merchant> addTo(BenchDatabase database, List<CheckoutShops.Shop> shops, int skus) {
        Random random = new Random(4);
        List<Merchant> merchants = new ArrayList<>();
        for (int t = 0; t < shops.size(); t++) {
            CheckoutShops.Shop shop = shops.get(t);
            int count = skus / shops.size() + (t < skus % shops.size() ? 1 : 0);
            merchants.add(fill(database, shop.tenant(), shop.slug(), t, count, random, false));
        }
        return merchants;
    }

    private static Merchant fill(BenchDatabase database, String tenant, String slug, int t, int count, Random random,
                                 boolean newStore) {
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        List<Object[]> products = new ArrayList<>();
        List<Object[]> stock = new ArrayList<>();
        List<Object[]> assortment = new ArrayList<>();
        List<String> skus = new ArrayList<>();
        List<String> gtins = new ArrayList<>();
        String now = timestamp(Instant.now());
        for (int n = 0; n < count; n++) {
            Brand brand = BRANDS.get(random.nextInt(BRANDS.size()));
            Kind kind = KINDS.get(brand.kinds().get(random.nextInt(brand.kinds().size())));
            int adjective = random.nextInt(ADJECTIVES_ZH.size());
            String size = kind.sizes().get(random.nextInt(kind.sizes().size()));
            String sku = String.format(Locale.ROOT, "T%02d-%06d", t, n);
            String gtin = ean13(String.format(Locale.ROOT, "69%02d%08d", t, n));
            String nameZh = brand.zh() + ADJECTIVES_ZH.get(adjective) + kind.zh() + size;
            String nameEn = (brand.en() + " " + ADJECTIVES_EN.get(adjective) + " " + kind.en() + " " + size).replace("  ", " ");
            long price = 990 + random.nextInt(120) * 500L + (random.nextBoolean() ? 0 : 90);
            String tradeMode = TRADE_MODES[random.nextInt(TRADE_MODES.length)];
            String created = timestamp(start.plusSeconds(n * 3_600L + random.nextInt(3_600)));
            String description = brand.zh() + "官方正品，" + kind.zh() + "，" + size + "。保税仓直发，" + brand.en() + " " + kind.en() + ".";
            products.add(new Object[]{UUID.randomUUID().toString(), tenant, sku, gtin, nameZh, nameEn, brand.zh(),
                    kind.path(), kind.hsCode(), tradeMode.equals("1210") || tradeMode.equals("1239") ? "BR" + sku : null,
                    brand.origin(), "122", "035", "0.80000", "1.00000", "0.90000", "0.130000", "0.000000", tradeMode,
                    BenchDatabase.WAREHOUSE, price, "", description, brand.en() + " " + kind.en(), created, created});
            if (random.nextInt(10) < 8) {
                long onHand = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(500);
                stock.add(new Object[]{UUID.randomUUID().toString(), tenant, BenchDatabase.WAREHOUSE, sku, onHand, 0, now});
            }
            if (random.nextInt(10) < 6) {
                assortment.add(new Object[]{UUID.randomUUID().toString(), tenant, STORE, sku, now});
            }
            skus.add(sku);
            gtins.add(gtin);
        }
        database.inTransaction(connection -> {
            if (newStore) {
                insert(connection, "stores", "id, tenant_id, code, name, kind, address, district_code, warehouse_code, "
                        + "created_at, updated_at", List.<Object[]>of(new Object[]{UUID.randomUUID().toString(), tenant, STORE,
                        "体验店 " + slug, "EXPERIENCE_STORE", "厦门市湖里区象屿路 1 号", "350206", BenchDatabase.WAREHOUSE, now, now}));
                insert(connection, "store_assortments", "id, tenant_id, store_code, sku_count, updated_at, updated_by",
                        List.<Object[]>of(new Object[]{UUID.randomUUID().toString(), tenant, STORE, assortment.size(), now, "bench"}));
            } else {
                try (PreparedStatement shown = connection.prepareStatement("UPDATE store_assortments SET sku_count = sku_count + ? "
                        + "WHERE tenant_id = ? AND store_code = ?")) {
                    shown.setInt(1, assortment.size());
                    shown.setString(2, tenant);
                    shown.setString(3, STORE);
                    shown.executeUpdate();
                }
            }
            insert(connection, "products", "id, tenant_id, sku, gtin, name_zh, name_en, brand, category_path, hs_code, "
                    + "item_record_no, origin_country, unit, unit1, qty1_per_unit, gross_weight_kg, net_weight_kg, vat_rate, "
                    + "consumption_tax_rate, trade_mode, warehouse_code, price_fen, image_ids, description_zh, description_en, "
                    + "created_at, updated_at", products);
            insert(connection, "stock_levels", "id, tenant_id, warehouse_code, sku, on_hand, reserved, updated_at", stock);
            insert(connection, "store_assortment_skus", "id, tenant_id, store_code, sku, added_at", assortment);
            return null;
        });
        return new Merchant(tenant, slug, List.copyOf(skus), List.copyOf(gtins),
                assortment.stream().map(row -> (String) row[3]).toList());
    }

    /** {@code INSERT ... VALUES (...), (...)} of up to {@value #ROWS_PER_INSERT} rows per statement. */
    private static void insert(Connection connection, String table, String columns, List<Object[]> rows) throws SQLException {
        int width = columns.split(",").length;
        String one = "(" + "?, ".repeat(width - 1) + "?)";
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            String sql = "INSERT INTO " + table + " (" + columns + ") VALUES " + String.join(", ", java.util.Collections.nCopies(chunk.size(), one));
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int i = 1;
                for (Object[] row : chunk) {
                    for (Object value : row) {
                        statement.setObject(i++, value);
                    }
                }
                statement.executeUpdate();
            }
        }
    }

    private static String timestamp(Instant instant) {
        return instant.toString().replace('T', ' ').replace("Z", "");
    }

    /** Twelve digits and their GS1 check digit. */
    static String ean13(String twelve) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelve.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return twelve + (10 - sum % 10) % 10;
    }
}
