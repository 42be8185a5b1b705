package io.vitrine.customs.messages;

import io.vitrine.kernel.money.Money;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What we write, compared element by element (names, order, namespace, texts, root attributes) with golden files
 * written by hand from domain.md "Customs message standard (CEB)". Receipts' golden files are in customs' own
 * default-namespace form: the comparison is by namespace, not prefix.
 */
class CebGoldenXmlTest {

    private final CebWriter writer = new CebWriter();

    @Test
    void the_order_message_is_the_golden_CEB311_element_by_element() {
        CebMessage<OrderDeclaration> message = CebFixtures.orderMessage();

        assertThat(XmlElements.of(writer.write(message)))
                .containsExactlyElementsOf(XmlElements.golden("CEB311.xml", message.guid()));
    }

    @Test
    void the_inventory_list_is_the_golden_CEB621_element_by_element() {
        CebMessage<InventoryDeclaration> message = CebFixtures.inventoryMessage();

        assertThat(XmlElements.of(writer.write(message)))
                .containsExactlyElementsOf(XmlElements.golden("CEB621.xml", message.guid()));
    }

    @Test
    void the_cancellation_is_the_golden_CEB623_element_by_element() {
        CebMessage<InvtCancel> message = CebFixtures.cancelMessage();

        assertThat(XmlElements.of(writer.write(message)))
                .containsExactlyElementsOf(XmlElements.golden("CEB623.xml", message.guid()));
    }

    @Test
    void the_return_request_is_the_golden_CEB625_element_by_element() {
        CebMessage<InvtRefund> message = CebFixtures.refundMessage();

        assertThat(XmlElements.of(writer.write(message)))
                .containsExactlyElementsOf(XmlElements.golden("CEB625.xml", message.guid()));
    }

    @Test
    void an_order_receipt_is_written_as_the_golden_CEB312() {
        DeclarationReceipt receipt = new DeclarationReceipt("6F1C2B3A-0000-7000-8000-000000000311", null,
                "1401960001", "91350100M000100Y43", null, "VT20261130000123", null, null, null, 120,
                Instant.parse("2026-11-30T02:20:45.123Z"), "[Code:1800;Desc:入库成功]");
        CebMessage<DeclarationReceipt> message = new CebMessage<>(MessageType.CEB312,
                "6F1C2B3A-0000-7000-8000-000000000312", List.of(receipt), null);

        assertThat(XmlElements.of(writer.write(message))).containsExactlyElementsOf(XmlElements.golden("CEB312.xml", ""));
    }

    @Test
    void inventory_cancel_and_refund_receipts_are_written_as_the_golden_CEB622_624_626() {
        record Case(MessageType<DeclarationReceipt> type, int status, String info) {
        }
        for (Case c : List.of(new Case(MessageType.CEB622, 800, "[Code:2600;Desc:放行]"),
                new Case(MessageType.CEB624, 399, "[Code:2600;Desc:撤销审核通过]"),
                new Case(MessageType.CEB626, 120, "[Code:1800;Desc:入库成功]"))) {
            DeclarationReceipt receipt = new DeclarationReceipt("6F1C2B3A-0000-7000-8000-000000000621", "0501",
                    "1401960001", "91350100M000100Y43", "1401980001", null, CebFixtures.COP_NO, CebFixtures.PRE_NO,
                    CebFixtures.INVT_NO, c.status(), Instant.parse("2026-11-30T03:20:45.123Z"), c.info());
            String code = c.type().code().substring(3);
            CebMessage<DeclarationReceipt> message = new CebMessage<>(c.type(),
                    "6F1C2B3A-0000-7000-8000-000000000" + code, List.of(receipt), null);

            assertThat(XmlElements.of(writer.write(message))).as(c.type().code())
                    .containsExactlyElementsOf(XmlElements.golden(c.type().code() + ".xml", ""));
        }
    }

    @Test
    void a_tax_bill_is_written_as_the_golden_CEB816() {
        CebMessage<TaxBill> message = CebFixtures.taxBill("6F1C2B3A-0000-7000-8000-000000000816");

        assertThat(XmlElements.of(writer.write(message))).containsExactlyElementsOf(XmlElements.golden("CEB816.xml", ""));
    }

    @Test
    void the_root_carries_the_ceb_prefix_its_namespace_guid_and_version_and_the_head_shares_the_guid() {
        CebMessage<OrderDeclaration> message = CebFixtures.orderMessage();
        String xml = new String(writer.write(message), StandardCharsets.UTF_8);

        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ceb:CEB311Message guid=\""
                + message.guid() + "\" version=\"1.0\" xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\">");
        assertThat(message.guid()).hasSize(36).matches("[0-9A-F]{8}-[0-9A-F]{4}-7[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}");
        assertThat(message.body().head().app().guid()).isEqualTo(message.guid());
    }

    @Test
    void every_declaration_gets_a_guid_of_its_own() {
        assertThat(CebFixtures.orderMessage().guid()).isNotEqualTo(CebFixtures.orderMessage().guid());
    }

    @Test
    void the_app_time_is_china_time_whatever_the_instant() {
        // 2026-11-30T02:15:30Z is 10:15:30 in Shanghai; the previous UTC day's 16:00 is already the next China day
        assertThat(CebFormats.time(CebFixtures.NOW)).isEqualTo("20261130101530");
        assertThat(CebFormats.time(Instant.parse("2026-11-29T16:00:00Z"))).isEqualTo("20261130000000");
        assertThat(CebFormats.amount(Money.ofFen(5))).isEqualTo("0.05");
    }
}
