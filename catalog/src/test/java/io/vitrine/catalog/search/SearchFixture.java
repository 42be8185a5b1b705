package io.vitrine.catalog.search;

import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The fixed catalog of the search contract: 32 products of shop A, 8 of shop B. Shop B sells the same
 * Aptamil as A (same name, same barcode) and has a brand (贝因美) and a barcode A does not have.
 */
public final class SearchFixture {

    public static final TenantId A = TenantId.of("shop-a");
    public static final TenantId B = TenantId.of("shop-b");
    public static final String B_ONLY_GTIN = "6901234500019";
    public static final String SHARED_GTIN = "4008976022305";

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private SearchFixture() {
    }

    public static List<SearchDocument> all() {
        List<SearchDocument> all = new ArrayList<>(shopA());
        all.addAll(shopB());
        return all;
    }

    public static List<SearchDocument> shopA() {
        return List.of(
                a(1, "A-MILK-01", SHARED_GTIN, "爱他美婴儿配方奶粉1段800g", "Aptamil Infant Formula Stage 1 800g", "爱他美", "母婴/奶粉/婴儿奶粉", "304", "1210", 22800, 2070, "S1,S2", "W-EAST,W-WEST", "德国原装进口，含益生元"),
                a(2, "A-MILK-02", "4008976022312", "爱他美婴儿配方奶粉2段800g", "Aptamil Follow-on Formula Stage 2 800g", "爱他美", "母婴/奶粉/婴儿奶粉", "304", "1210", 23800, 2160, "S1", "W-EAST", "适合6-12个月宝宝"),
                a(3, "A-MILK-03", "9300617003014", "a2白金版婴儿配方奶粉3段900g", "a2 Platinum Toddler Formula Stage 3", "a2", "母婴/奶粉/婴儿奶粉", "601", "1210", 26800, 2430, "S1,S2", "W-WEST", "澳洲进口A2蛋白"),
                a(4, "A-MILK-04", "0300871365407", "美赞臣蓝臻婴儿配方奶粉", "Enfamil Enspire Infant Formula", "美赞臣", "母婴/奶粉/婴儿奶粉", "502", "9610", 31800, 2890, "S2", "", "含乳铁蛋白"),
                a(5, "A-MILK-05", "9300617004011", "a2高钙全脂成人奶粉1kg", "a2 Full Cream Milk Powder 1kg", "a2", "母婴/奶粉/成人奶粉", "601", "1210", 15900, 1440, "S1", "W-EAST", "高钙配方，适合全家"),
                a(6, "A-MILK-06", "7613036271707", "雀巢怡养中老年奶粉800g", "Nestlé Yiyang Adult Milk Powder", "雀巢", "母婴/奶粉/成人奶粉", "609", "GENERAL", 8900, 0, "S1", "W-EAST", "低脂高钙"),
                a(7, "A-DIAP-01", "4901301230881", "花王妙而舒纸尿裤L号54片", "Merries Diapers L54", "花王", "母婴/纸尿裤", "116", "1210", 12900, 1170, "S1,S2", "W-EAST", "日本本土版，透气干爽"),
                a(8, "A-DIAP-02", "4902430847157", "帮宝适一级帮纸尿裤M号", "Pampers Ichiban Diapers M", "帮宝适", "母婴/纸尿裤", "116", "1239", 15800, 1430, "S2", "W-WEST", "超薄透气"),
                a(9, "A-CREAM-01", "0887167485488", "雅诗兰黛多效智妍面霜50ml", "Estee Lauder Revitalizing Supreme+ Cream 50ml", "雅诗兰黛", "美妆/护肤/面霜", "502", "1210", 52000, 9100, "S1", "W-EAST", "紧致淡纹"),
                a(10, "A-CREAM-02", "3614272623545", "兰蔻菁纯面霜60ml", "Lancôme Absolue Soft Cream 60ml", "兰蔻", "美妆/护肤/面霜", "305", "1210", 168000, 29400, "S1,S2", "W-WEST", "玫瑰精萃"),
                a(11, "A-LIP-01", "3614272225718", "兰蔻菁纯口红196", "Lancôme L'Absolu Rouge 196", "兰蔻", "美妆/彩妆/口红", "305", "9610", 32000, 5600, "S2", "W-WEST", "柔雾哑光"),
                a(12, "A-LIP-02", "0887167388130", "雅诗兰黛倾慕口红333", "Estee Lauder Pure Color Lipstick 333", "雅诗兰黛", "美妆/彩妆/口红", "502", "9610", 29000, 5070, "S1", "", "滋润显色"),
                a(13, "A-CHOC-01", "8000500003787", "费列罗榛果威化巧克力24粒", "Ferrero Rocher T24", "费列罗", "食品/零食/巧克力", "307", "GENERAL", 8900, 0, "S1,S2", "W-EAST,W-WEST", "意大利进口"),
                a(14, "A-CHOC-02", "3046920028004", "瑞士莲特醇排装黑巧克力", "Lindt Excellence Dark Chocolate", "瑞士莲", "食品/零食/巧克力", "344", "GENERAL", 2990, 0, "S1", "W-EAST", "可可含量70%"),
                a(15, "A-CHOC-03", "4902777214060", "明治绿茶巧克力", "Meiji Matcha Chocolate", "明治", "食品/零食/巧克力", "116", "1210", 1990, 180, "S2", "W-WEST", "宇治抹茶"),
                a(16, "A-COFF-01", "7613035974685", "雀巢速溶咖啡", "Nescafé Instant Coffee", "雀巢", "食品/饮料/咖啡", "344", "GENERAL", 4500, 0, "S1", "W-EAST", "醇香浓郁"),
                a(17, "A-VIT-01", "9311770588980", "Swisse维生素C泡腾片", "Swisse Vitamin C Effervescent", "Swisse", "保健/维生素", "601", "1210", 9900, 900, "S1,S2", "W-EAST", "增强免疫"),
                a(18, "A-VIT-02", "9311770591638", "Swisse钙维生素D片", "Swisse Calcium + Vitamin D", "Swisse", "保健/维生素", "601", "1210", 13900, 1260, "S1", "W-WEST", "补钙"),
                a(19, "A-VIT-03", "0300054471208", "善存多种维生素", "Centrum Multivitamin", "善存", "保健/维生素", "502", "1210", 15900, 1440, "S2", "", "每日一片"),
                a(20, "A-TOY-01", "5702016617719", "乐高城市系列消防局", "LEGO City Fire Station", "乐高", "玩具/积木", "308", "GENERAL", 59900, 0, "S1", "W-EAST", "适合6岁以上"),
                a(21, "A-BAG-01", "0043202786526", "新秀丽行李箱20寸", "Samsonite Carry-on Luggage 20in", "新秀丽", "箱包/行李箱", "502", "GENERAL", 120000, 0, "S2", "W-WEST", "万向轮"),
                a(22, "A-ORG-01", "0015000074302", "有机婴儿米粉", "Organic Baby Rice Cereal", "嘉宝", "母婴/辅食", "502", "1210", 6800, 610, "S1", "W-EAST", "宝宝第一口辅食"),
                a(23, "A-ORG-02", "9415007022305", "纯牛奶250ml", "Pure Milk 250ml", "有机牧场", "食品/饮料/牛奶", "609", "GENERAL", 1200, 0, "S1", "W-EAST", "新西兰牧场"),
                a(24, "A-ORG-03", "0030000010402", "燕麦片1kg", "Rolled Oats 1kg", "桂格", "食品/谷物", "502", "GENERAL", 3900, 0, "S1", "W-EAST", "精选有机燕麦"),
                a(25, "A-MASK-01", "8809208340035", "可莱丝针剂水库面膜10片", "Clinie NMF Mask 10pcs", "可莱丝", "美妆/护肤/面膜", "133", "1210", 7900, 710, "S1,S2", "W-EAST", "补水保湿"),
                a(26, "A-MASK-02", "4987241135813", "肌美精三维补水面膜", "Kracie Hadabisei 3D Mask", "肌美精", "美妆/护肤/面膜", "116", "1210", 6900, 620, "S2", "W-WEST", "深层补水"),
                a(27, "A-WINE-01", "3760040420156", "拉菲传奇波尔多红葡萄酒", "Lafite Legende Bordeaux", "拉菲", "食品/酒类/葡萄酒", "305", "GENERAL", 29800, 0, "S1", "", "法国波尔多"),
                a(28, "A-HONEY-01", "9421900170307", "康维他麦卢卡蜂蜜UMF10+", "Comvita Manuka Honey UMF10+", "康维他", "食品/蜂蜜", "609", "1210", 39800, 3580, "S1,S2", "W-EAST", "新西兰原装"),
                a(29, "A-TOOTH-01", "8801051063019", "LG竹盐牙膏", "LG Bamboo Salt Toothpaste", "LG", "日用/口腔护理", "133", "1210", 3500, 310, "S2", "W-WEST", "清新口气"),
                a(30, "A-SHAMP-01", "4901301269102", "花王丝逸歆洗发水", "Kao Essential Shampoo", "花王", "日用/洗护", "116", "1210", 5900, 530, "S1", "W-EAST", "柔顺修护"),
                a(31, "A-MILK-07", "9421902960050", "佳贝艾特悠装婴儿羊奶粉", "Kabrita Goat Milk Infant Formula", "佳贝艾特", "母婴/奶粉/婴儿奶粉", "603", "1210", 29800, 2700, "S1", "W-EAST", "荷兰原装羊奶"),
                a(32, "A-BOTTLE-01", "4902508011527", "贝亲宽口径玻璃奶瓶240ml", "Pigeon Wide Neck Glass Bottle", "贝亲", "母婴/喂养", "116", "1210", 16800, 1510, "S1", "W-WEST", "耐高温"));
    }

    public static List<SearchDocument> shopB() {
        return List.of(
                b(1, "B-MILK-01", SHARED_GTIN, "爱他美婴儿配方奶粉1段800g", "Aptamil Infant Formula Stage 1 800g", "爱他美", "母婴/奶粉/婴儿奶粉", "304", "1210", 21800, 1980, "K1", "W-NORTH", "德国原装进口"),
                b(2, "B-MILK-02", B_ONLY_GTIN, "贝因美婴儿奶粉", "Beingmate Infant Formula", "贝因美", "母婴/奶粉/婴儿奶粉", "142", "GENERAL", 9800, 0, "K1", "W-NORTH", "国产奶粉"),
                b(3, "B-SERUM-01", "4909978112978", "资生堂红腰子精华50ml", "Shiseido Ultimune Concentrate", "资生堂", "美妆/护肤/精华", "116", "1210", 69000, 12000, "K1", "W-NORTH", "红色精华"),
                b(4, "B-CHOC-01", "8000500003788", "费列罗巧克力礼盒", "Ferrero Gift Box", "费列罗", "食品/零食/巧克力", "307", "GENERAL", 12900, 0, "K1", "W-NORTH", "节日礼盒"),
                b(5, "B-DIAP-01", "4902430847164", "帮宝适纸尿裤XL号", "Pampers Diapers XL", "帮宝适", "母婴/纸尿裤", "116", "1239", 16800, 1510, "K1", "", "柔软"),
                b(6, "B-VIT-01", "9311770588997", "Swisse葡萄籽", "Swisse Grape Seed", "Swisse", "保健/抗氧化", "601", "1210", 19900, 1800, "K1", "W-NORTH", "抗氧化"),
                b(7, "B-TEA-01", "6901234500026", "奶茶粉", "Milk Tea Powder", "香飘飘", "食品/饮料/奶茶", "142", "GENERAL", 2500, 0, "K1", "W-NORTH", "速溶奶茶"),
                b(8, "B-WINE-01", "3760040420163", "拉菲珍宝红葡萄酒", "Carruades de Lafite", "拉菲", "食品/酒类/葡萄酒", "305", "GENERAL", 89800, 0, "K1", "W-NORTH", "副牌"));
    }

    /** A's SKUs whose name contains 奶粉. */
    public static final Set<String> A_MILK_POWDERS = Set.of("A-MILK-01", "A-MILK-02", "A-MILK-03", "A-MILK-04",
            "A-MILK-05", "A-MILK-06", "A-MILK-07");

    private static SearchDocument a(int n, String sku, String gtin, String zh, String en, String brand, String category,
                                    String origin, String tradeMode, long price, long tax, String stores,
                                    String stock, String description) {
        return doc(A, n, sku, gtin, zh, en, brand, category, origin, tradeMode, price, tax, stores, stock, description);
    }

    private static SearchDocument b(int n, String sku, String gtin, String zh, String en, String brand, String category,
                                    String origin, String tradeMode, long price, long tax, String stores,
                                    String stock, String description) {
        return doc(B, n, sku, gtin, zh, en, brand, category, origin, tradeMode, price, tax, stores, stock, description);
    }

    static SearchDocument doc(TenantId tenant, int n, String sku, String gtin, String zh, String en, String brand,
                              String category, String origin, String tradeMode, long price, long tax, String stores,
                              String stock, String description) {
        return new SearchDocument(tenant, sku, gtin, zh, en, brand, Arrays.asList(category.split("/")), origin, tradeMode,
                price, tax, "https://img.example/" + sku + ".jpg", T0.plusSeconds(3600L * n), description, null,
                split(stores), split(stock));
    }

    private static Set<String> split(String csv) {
        return csv.isEmpty() ? Set.of() : Set.of(csv.split(","));
    }
}
