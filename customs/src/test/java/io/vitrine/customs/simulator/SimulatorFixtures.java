package io.vitrine.customs.simulator;

import io.vitrine.customs.messages.BaseTransfer;
import io.vitrine.customs.messages.CebWriter;
import io.vitrine.customs.messages.Clearance;
import io.vitrine.customs.messages.Declarations;
import io.vitrine.customs.messages.DeclaredLine;
import io.vitrine.customs.messages.LegalUnits;
import io.vitrine.customs.messages.OrderFacts;
import io.vitrine.customs.messages.Party;
import io.vitrine.customs.messages.Shipment;
import io.vitrine.customs.messages.InventoryDeclaration;
import io.vitrine.customs.messages.Submission;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.money.Money;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

/** A bonded (1210) order of two lines, as customs' message tests use it, with a consignee name to put markers in. */
final class SimulatorFixtures {

    static final String SENDER = "DXPENT0000012345";
    static final Party PLATFORM = new Party("1401960001", "太原综试区跨境电商平台");
    static final Party SELLER = new Party("91350100M000100Y43", "福建示例进口贸易有限公司");
    static final Party ALIPAY = new Party("31222699S7", "支付宝（中国）网络技术有限公司");
    static final Party AGENT = new Party("1401980001", "太原示例报关有限公司");
    static final Party AREA = new Party("1401960002", "太原综保区示例仓储有限公司");
    static final Party LOGISTICS = new Party("1401980002", "示例快递有限公司");
    static final BaseTransfer TRANSFER = BaseTransfer.of("1401960001", "太原综试区跨境电商平台", SENDER);
    static final Clearance CLEARANCE = new Clearance("0501", "0501", AGENT, "91350100M000100Y43", "T0501W000001",
            AREA, "4", "601", "2", null);
    static final Shipment SHIPMENT = new Shipment("YT1234567890", LOGISTICS, 1, null, null, null);
    static final String COP_NO = "C20261130000123";

    private SimulatorFixtures() {
    }

    static DeclaredLine formula(String hsCode) {
        return new DeclaredLine(1, "SKU-MILK-900", "婴儿配方奶粉900克", "示例牌 900g/罐", "6901234567892", hsCode,
                "TYB1210000001", "601", "122", 2, Money.ofFen(19800),
                new LegalUnits("035", new BigDecimal("0.8"), null, null), new BigDecimal("1.05"), new BigDecimal("0.8"));
    }

    static final DeclaredLine CREAM = new DeclaredLine(2, "SKU-CREAM-50", "保湿面霜50毫升", "示例牌 50ml",
            "4901234567894", "3304990099", "TYB1210000002", "116", "007", 1, Money.ofFen(12050),
            new LegalUnits("035", new BigDecimal("0.075"), "007", BigDecimal.ONE), new BigDecimal("0.12"),
            new BigDecimal("0.075"));

    static OrderFacts order(String orderNo, String consigneeName, String formulaHsCode) {
        return new OrderFacts(orderNo, "1210", PLATFORM, SELLER,
                Money.ofFen(51650), Money.ofFen(1000), Money.ofFen(50), Money.ofFen(500), Money.ofFen(4752),
                Money.ofFen(56952),
                new OrderFacts.Buyer("BUYER-0001", "张三", "11010519491231002X", "13800138000"),
                new OrderFacts.Consignee(consigneeName, "13900139000", "山西省太原市小店区长风街100号", "140105"),
                new OrderFacts.PaymentLeg(ALIPAY, "2026113022001400000000001234", Money.ofFen(56952)),
                List.of(formula(formulaHsCode), CREAM));
    }

    static OrderFacts order(String orderNo, String consigneeName) {
        return order(orderNo, consigneeName, "1901101000");
    }

    static byte[] orderXml(Clock clock, OrderFacts facts) {
        return new CebWriter().write(new Declarations(clock, new Ids(clock)).order(facts, Submission.declare(TRANSFER)));
    }

    static byte[] inventoryXml(Clock clock, OrderFacts facts) {
        return new CebWriter().write(new Declarations(clock, new Ids(clock))
                .inventoryList(facts, CLEARANCE, SHIPMENT, COP_NO, Submission.declare(TRANSFER)));
    }

    /** A CEB625 returning {@code items} of the registered list under customs' numbers. */
    static byte[] returnXml(Clock clock, InventoryDeclaration registered, String invtNo, String preNo,
                            java.util.List<io.vitrine.customs.messages.ReturnedItem> items, String reason) {
        return new CebWriter().write(new Declarations(clock, new Ids(clock))
                .returnRequest(registered, invtNo, preNo, items, reason, Submission.declare(TRANSFER)));
    }
}
