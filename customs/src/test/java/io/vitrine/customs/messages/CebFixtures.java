package io.vitrine.customs.messages;

import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.time.ChinaTime;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * One bonded (1210) order of two lines, as the golden files under {@code src/test/resources/.../messages} spell it:
 * 2 cans of infant formula (declared 122 can, legal unit 035 kg at 0.8 kg a can: qty1 1.6) and a face cream
 * (declared 007 piece, legal units 035 kg at 0.075 and 007 at 1). Taken at 2026-11-30 10:15:30 China time.
 */
public final class CebFixtures {

    static final Instant NOW = Instant.parse("2026-11-30T02:15:30Z");
    static final Clock CLOCK = Clock.fixed(NOW, ChinaTime.ZONE);
    static final Party PLATFORM = new Party("1401960001", "太原综试区跨境电商平台");
    static final Party SELLER = new Party("91350100M000100Y43", "福建示例进口贸易有限公司");
    static final Party ALIPAY = new Party("31222699S7", "支付宝（中国）网络技术有限公司");
    static final Party AGENT = new Party("1401980001", "太原示例报关有限公司");
    static final Party AREA = new Party("1401960002", "太原综保区示例仓储有限公司");
    static final Party LOGISTICS = new Party("1401980002", "示例快递有限公司");
    public static final BaseTransfer TRANSFER = BaseTransfer.of("1401960001", "太原综试区跨境电商平台", "DXPENT0000012345");

    static final DeclaredLine FORMULA = new DeclaredLine(1, "SKU-MILK-900", "婴儿配方奶粉900克", "示例牌 900g/罐",
            "6901234567892", "1901101000", "TYB1210000001", "601", "122", 2, Money.ofFen(19800),
            new LegalUnits("035", new BigDecimal("0.8"), null, null), new BigDecimal("1.05"), new BigDecimal("0.8"));
    static final DeclaredLine CREAM = new DeclaredLine(2, "SKU-CREAM-50", "保湿面霜50毫升", "示例牌 50ml",
            "4901234567894", "3304990099", "TYB1210000002", "116", "007", 1, Money.ofFen(12050),
            new LegalUnits("035", new BigDecimal("0.075"), "007", BigDecimal.ONE), new BigDecimal("0.12"),
            new BigDecimal("0.075"));

    public static final OrderFacts ORDER = new OrderFacts("VT20261130000123", "1210", PLATFORM, SELLER,
            Money.ofFen(51650), Money.ofFen(1000), Money.ofFen(50), Money.ofFen(500), Money.ofFen(4752),
            Money.ofFen(56952),
            new OrderFacts.Buyer("BUYER-0001", "张三", "11010519491231002X", "13800138000"),
            new OrderFacts.Consignee("李四", "13900139000", "山西省太原市小店区长风街100号", "140105"),
            new OrderFacts.PaymentLeg(ALIPAY, "2026113022001400000000001234", Money.ofFen(56952)),
            List.of(FORMULA, CREAM));

    public static final Clearance CLEARANCE = new Clearance("0501", "0501", AGENT, "91350100M000100Y43", "T0501W000001",
            AREA, "4", "601", "2", null);
    public static final Shipment SHIPMENT = new Shipment("YT1234567890", LOGISTICS, 1, null, null, null);
    public static final String COP_NO = "C20261130000123";
    static final String INVT_NO = "05012026I000000123";
    static final String PRE_NO = "B20261130000000123";

    private CebFixtures() {
    }

    static Declarations declarations() {
        return new Declarations(CLOCK, new Ids(CLOCK));
    }

    static CebMessage<OrderDeclaration> orderMessage() {
        return declarations().order(ORDER, Submission.declare(TRANSFER));
    }

    static CebMessage<InventoryDeclaration> inventoryMessage() {
        return declarations().inventoryList(ORDER, CLEARANCE, SHIPMENT, COP_NO, Submission.declare(TRANSFER));
    }

    static CebMessage<InvtCancel> cancelMessage() {
        return declarations().cancellation(inventoryMessage().body(), INVT_NO, PRE_NO, "买家取消订单",
                Submission.declare(TRANSFER));
    }

    static CebMessage<InvtRefund> refundMessage() {
        return declarations().returnRequest(inventoryMessage().body(), INVT_NO, PRE_NO,
                List.of(new ReturnedItem(1, BigDecimal.ONE)), "七天无理由退货", Submission.declare(TRANSFER));
    }

    /** A receipt as customs words it, answering {@code answered}. */
    static CebMessage<DeclarationReceipt> inventoryReceipt(String guid, String answered) {
        DeclarationReceipt receipt = new DeclarationReceipt(answered, "0501", "1401960001", "91350100M000100Y43",
                "1401980001", null, COP_NO, PRE_NO, INVT_NO, 800, Instant.parse("2026-11-30T03:20:45.123Z"),
                "[Code:2600;Desc:放行]");
        return new CebMessage<>(MessageType.CEB622, guid, List.of(receipt), null);
    }

    static CebMessage<TaxBill> taxBill(String guid) {
        TaxHeadRd head = new TaxHeadRd(guid, Instant.parse("2026-11-30T03:20:45.123Z"), INVT_NO,
                "050120261130000123", Money.ZERO, Money.ofFen(4163), Money.ofFen(589), TaxHeadRd.GENERATED, null, null,
                "91350100M000100Y43", "91350100M000100Y43", "1401980002", "1401980001", "0501");
        List<TaxListRd> lines = List.of(
                new TaxListRd(1, "1901101000", Money.ofFen(40000), Money.ZERO, Money.ofFen(3640), Money.ZERO),
                new TaxListRd(2, "3304990099", Money.ofFen(12175), Money.ZERO, Money.ofFen(523), Money.ofFen(589)));
        return new CebMessage<>(MessageType.CEB816, guid, List.of(new TaxBill(head, lines)), null);
    }
}
