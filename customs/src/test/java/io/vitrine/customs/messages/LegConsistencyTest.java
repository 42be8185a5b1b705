package io.vitrine.customs.messages;

import io.vitrine.kernel.error.FieldError;
import io.vitrine.kernel.money.Money;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The inventory list against the order, and the order against the payment: what customs' matching would refuse. */
class LegConsistencyTest {

    private final CebWriter writer = new CebWriter();
    private final CebReader reader = new CebReader();
    private final OrderDeclaration order = CebFixtures.orderMessage().body();
    private final InventoryDeclaration inventory = CebFixtures.inventoryMessage().body();

    @Test
    void the_order_and_inventory_list_built_from_one_order_agree_with_each_other_and_the_payment() {
        assertThat(LegConsistency.check(CebFixtures.ORDER, order, inventory, Money.ofFen(56952))).isEmpty();
    }

    @Test
    void actural_paid_is_the_payment_amount_and_includes_freight_insurance_and_tax_less_discount() {
        assertThat(order.head().acturalPaid()).isEqualTo(CebFixtures.ORDER.paid());
        assertThat(pairs(LegConsistency.check(CebFixtures.ORDER, order, inventory, Money.ofFen(56900))))
                .containsExactly(tuple("OrderHead.acturalPaid", "PAID_MATCHES_PAYMENT"));
    }

    @Test
    void an_inventory_line_with_another_price_is_named() {
        assertThat(mismatches("<ceb:price>120.50<", "<ceb:price>120.00<"))
                .containsExactly(tuple("InventoryList[2].price", "LINE_MATCHES_ORDER"));
    }

    @Test
    void an_inventory_line_with_another_quantity_or_unit_is_named() {
        assertThat(mismatches("<ceb:qty>2<", "<ceb:qty>3<"))
                .contains(tuple("InventoryList[1].qty", "LINE_MATCHES_ORDER"));
        assertThat(mismatches("<ceb:unit>122<", "<ceb:unit>007<"))
                .containsExactly(tuple("InventoryList[1].unit", "LINE_MATCHES_ORDER"));
    }

    @Test
    void an_hs_code_other_than_the_order_lines_snapshot_is_named() {
        assertThat(mismatches(">3304990099<", ">3304990091<"))
                .containsExactly(tuple("InventoryList[2].gcode", "HS_CODE_MATCHES_ORDER_LINE"));
    }

    @Test
    void legal_quantities_must_be_the_snapshot_conversion() {
        assertThat(mismatches("<ceb:qty1>1.6<", "<ceb:qty1>2<"))
                .containsExactly(tuple("InventoryList[1].qty1", "LEGAL_QUANTITY"));
        assertThat(mismatches("<ceb:qty2>1<", "<ceb:qty2>2<"))
                .containsExactly(tuple("InventoryList[2].qty2", "LEGAL_QUANTITY"));
    }

    @Test
    void weights_must_come_from_the_order_lines() {
        assertThat(mismatches("<ceb:grossWeight>2.22<", "<ceb:grossWeight>2.5<"))
                .containsExactly(tuple("InventoryHead.grossWeight", "WEIGHT_FROM_LINES"));
    }

    @Test
    void another_order_number_or_buyer_or_freight_is_named() {
        assertThat(mismatches("<ceb:orderNo>VT20261130000123<", "<ceb:orderNo>VT20261130000124<"))
                .containsExactly(tuple("InventoryHead.orderNo", "ORDER_NO_MATCHES"));
        assertThat(mismatches("<ceb:buyerName>张三<", "<ceb:buyerName>张四<"))
                .containsExactly(tuple("InventoryHead.buyerName", "BUYER_MATCHES"));
        assertThat(mismatches("<ceb:insuredFee>0.50<", "<ceb:insuredFee>0.00<"))
                .containsExactly(tuple("InventoryHead.freight", "FREIGHT_MATCHES"));
    }

    @Test
    void a_missing_inventory_line_is_named() {
        String xml = writer.writeString(CebFixtures.inventoryMessage())
                .replaceAll("(?s)<ceb:InventoryList>\\s*<ceb:gnum>2</ceb:gnum>.*?</ceb:InventoryList>", "");
        InventoryDeclaration shorter = reader.read(xml.getBytes(StandardCharsets.UTF_8), MessageType.CEB621).body();

        assertThat(pairs(LegConsistency.check(CebFixtures.ORDER, order, shorter, Money.ofFen(56952))))
                .contains(tuple("InventoryList", "LINE_COUNT_MATCHES"));
    }

    private List<org.assertj.core.groups.Tuple> mismatches(String from, String to) {
        String xml = writer.writeString(CebFixtures.inventoryMessage());
        assertThat(xml).contains(from);
        InventoryDeclaration edited = reader.read(xml.replaceFirst(java.util.regex.Pattern.quote(from), to)
                .getBytes(StandardCharsets.UTF_8), MessageType.CEB621).body();
        return pairs(LegConsistency.check(CebFixtures.ORDER, order, edited, Money.ofFen(56952)));
    }

    private static List<org.assertj.core.groups.Tuple> pairs(List<FieldError> errors) {
        return errors.stream().map(e -> tuple(e.field(), e.rule())).toList();
    }
}
