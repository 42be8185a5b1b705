package io.vitrine.customs.messages;

import io.vitrine.kernel.error.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The named rules: what we build from good facts passes them all; each broken field or sum is reported with its
 * path and rule. Broken messages are made the way the single-window simulator will meet them: XML edited, read.
 */
class MessageRulesTest {

    private final MessageRules rules = new MessageRules(CebFixtures.CLOCK);
    private final CebWriter writer = new CebWriter();
    private final CebReader reader = new CebReader();

    @Test
    void every_message_built_from_good_facts_passes_every_rule() {
        for (CebMessage<?> message : List.of(CebFixtures.orderMessage(), CebFixtures.inventoryMessage(),
                CebFixtures.cancelMessage(), CebFixtures.refundMessage(),
                CebFixtures.inventoryReceipt("6F1C2B3A-0000-7000-8000-000000000622",
                        "6F1C2B3A-0000-7000-8000-000000000621"),
                CebFixtures.taxBill("6F1C2B3A-0000-7000-8000-000000000816"))) {
            assertThat(rules.check(message)).as(message.type().code()).isEmpty();
        }
    }

    @Test
    void goods_value_is_the_sum_of_the_lines_and_each_total_price_is_price_times_qty() {
        assertThat(violations(CebFixtures.orderMessage(), "<ceb:totalPrice>396.00<", "<ceb:totalPrice>395.00<"))
                .containsExactlyInAnyOrder(tuple("Order[1].OrderHead.goodsValue", "GOODS_VALUE_SUM"),
                        tuple("Order[1].OrderList[1].totalPrice", "TOTAL_PRICE"));
    }

    @ParameterizedTest(name = "{3} {4}")
    @CsvSource(delimiter = '|', value = {
            "order     | <ceb:acturalPaid>569.52<   | <ceb:acturalPaid>569.53< | Order[1].OrderHead.acturalPaid | ACTURAL_PAID_SUM",
            "order     | >140105<                   | >140100<                 | Order[1].OrderHead.consigneeDitrict | DISTRICT_CODE",
            "order     | >11010519491231002X<       | >110105194912310021<     | Order[1].OrderHead.buyerIdNumber | RESIDENT_ID_NUMBER",
            "inventory | >1901101000<               | >19011010<               | Inventory[1].InventoryList[1].gcode | HS_CODE_FORM",
            "inventory | <ceb:unit>122<             | <ceb:unit>999<           | Inventory[1].InventoryList[1].unit | UNIT_CODE",
            "inventory | <ceb:country>116<          | <ceb:country>100<        | Inventory[1].InventoryList[2].country | COUNTRY_CODE",
            "inventory | >6901234567892<            | >6901234567893<          | Inventory[1].InventoryList[1].barCode | GTIN",
            "inventory | <ceb:ebcCode>91350100M000100Y43< | <ceb:ebcCode>91350100M000100Y44< | Inventory[1].InventoryHead.ebcCode | ENTERPRISE_CODE_FORM",
            "inventory | <ceb:portCode>0501<        | <ceb:portCode>501<       | Inventory[1].InventoryHead.portCode | FOUR_DIGITS",
            "inventory | <ceb:orderNo>VT20261130000123< | <ceb:orderNo>VVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVV< | Inventory[1].InventoryHead.orderNo | MAX_LENGTH",
            "inventory | <ceb:qty1>1.6<             | <ceb:qty1>0<             | Inventory[1].InventoryList[1].qty1 | POSITIVE_DECIMAL_19_5",
            "inventory | <ceb:gnum>2<               | <ceb:gnum>3<             | Inventory[1].InventoryList[2].gnum | GNUM_SEQUENCE",
            "inventory | <ceb:netWeight>1.675<      | <ceb:netWeight>2.5<      | Inventory[1].InventoryHead.netWeight | NET_WEIGHT_ABOVE_GROSS",
            "inventory | <ceb:unit2>007</ceb:unit2> | ''                       | Inventory[1].InventoryList[2].qty2 | QTY2_WITH_UNIT2",
    })
    void one_broken_field_is_named_by_its_path_and_rule(String message, String from, String to, String path,
                                                         String rule) {
        CebMessage<?> built = message.equals("order") ? CebFixtures.orderMessage() : CebFixtures.inventoryMessage();

        assertThat(violations(built, from, to)).containsExactly(tuple(path, rule));
    }

    @Test
    void a_currency_not_in_the_table_is_named() {
        assertThat(violations(CebFixtures.inventoryMessage(), "<ceb:currency>142<", "<ceb:currency>502<"))
                .contains(tuple("Inventory[1].InventoryHead.currency", "CURRENCY"));
    }

    @Test
    void bonded_goods_name_the_account_book_and_their_item_record_numbers() {
        String xml = writer.writeString(CebFixtures.inventoryMessage())
                .replaceAll("<ceb:emsNo>[^<]*</ceb:emsNo>", "")
                .replaceAll("<ceb:itemRecordNo>TYB1210000002</ceb:itemRecordNo>", "");

        assertThat(pairs(rules.check(reader.read(xml.getBytes(StandardCharsets.UTF_8)))))
                .containsExactlyInAnyOrder(tuple("Inventory[1].InventoryHead.emsNo", "EMS_NO_REQUIRED"),
                        tuple("Inventory[1].InventoryList[2].itemRecordNo", "ITEM_RECORD_NO_REQUIRED"));
    }

    @Test
    void direct_purchase_goes_without_account_book_or_item_record_numbers() {
        OrderFacts direct = new OrderFacts(CebFixtures.ORDER.orderNo(), "9610", CebFixtures.PLATFORM,
                CebFixtures.SELLER, CebFixtures.ORDER.goodsValue(), CebFixtures.ORDER.freight(),
                CebFixtures.ORDER.insurance(), CebFixtures.ORDER.discount(), CebFixtures.ORDER.tax(),
                CebFixtures.ORDER.paid(), CebFixtures.ORDER.buyer(), CebFixtures.ORDER.consignee(),
                CebFixtures.ORDER.payment(), CebFixtures.ORDER.lines());

        CebMessage<InventoryDeclaration> message = CebFixtures.declarations().inventoryList(direct,
                CebFixtures.CLEARANCE, CebFixtures.SHIPMENT, CebFixtures.COP_NO, Submission.declare(
                        CebFixtures.TRANSFER));

        assertThat(message.body().head().emsNo()).isNull();
        assertThat(message.body().head().area()).isNull();
        assertThat(message.body().lines()).extracting(InventoryList::itemRecordNo).containsOnlyNulls();
        assertThat(rules.check(message)).isEmpty();
    }

    @Test
    void a_required_field_left_blank_is_named() {
        OrderFacts o = CebFixtures.ORDER;
        OrderFacts nameless = new OrderFacts(o.orderNo(), o.tradeMode(), o.platform(), o.seller(), o.goodsValue(),
                o.freight(), o.insurance(), o.discount(), o.tax(), o.paid(),
                new OrderFacts.Buyer("BUYER-0001", " ", "11010519491231002X", "13800138000"), o.consignee(),
                o.payment(), o.lines());

        assertThat(pairs(rules.check(CebFixtures.declarations().inventoryList(nameless, CebFixtures.CLEARANCE,
                CebFixtures.SHIPMENT, CebFixtures.COP_NO, Submission.declare(CebFixtures.TRANSFER)))))
                .containsExactly(tuple("Inventory[1].InventoryHead.buyerName", "REQUIRED"));
    }

    @Test
    void a_lower_case_guid_and_a_missing_base_transfer_are_not_sent() {
        CebMessage<OrderDeclaration> ours = CebFixtures.orderMessage();
        CebMessage<OrderDeclaration> broken = new CebMessage<>(MessageType.CEB311, ours.guid().toLowerCase(),
                ours.bodies(), null);

        assertThat(pairs(rules.check(broken))).containsExactlyInAnyOrder(tuple("root.guid", "GUID_FORM"),
                tuple("BaseTransfer", "BASE_TRANSFER_REQUIRED"));
    }

    @Test
    void a_return_request_holds_at_most_99_lines() {
        CebMessage<InvtRefund> ours = CebFixtures.refundMessage();
        List<InvtRefundList> lines = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            lines.add(new InvtRefundList(i, "1901101000", "婴儿配方奶粉900克", BigDecimal.ONE, "122", null));
        }
        CebMessage<InvtRefund> tooMany = new CebMessage<>(MessageType.CEB625, ours.guid(),
                List.of(new InvtRefund(ours.body().head(), lines)), ours.baseTransfer());

        assertThat(pairs(rules.check(tooMany))).containsExactly(tuple("InvtRefund[1].InvtRefundList", "REFUND_LINES_MAX"));
    }

    @Test
    void violations_never_repeat_the_value() {
        List<FieldError> errors = rules.check(reader.read(writer.writeString(CebFixtures.orderMessage())
                .replace(">11010519491231002X<", ">110105194912310021<").getBytes(StandardCharsets.UTF_8)));

        assertThat(errors).singleElement().extracting(FieldError::message).asString()
                .doesNotContain("110105194912310021");
    }

    private List<org.assertj.core.groups.Tuple> violations(CebMessage<?> message, String from, String to) {
        String xml = writer.writeString(message);
        assertThat(xml).contains(from);
        return pairs(rules.check(reader.read(xml.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)).getBytes(StandardCharsets.UTF_8))));
    }

    private static List<org.assertj.core.groups.Tuple> pairs(List<FieldError> errors) {
        return errors.stream().map(e -> tuple(e.field(), e.rule())).toList();
    }
}
