package io.vitrine.customs.messages;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The forms seen in the wild are read (domain.md: accept both forms on input, emit the documented one). */
class CebReaderVariantsTest {

    private final CebReader reader = new CebReader();
    private final CebWriter writer = new CebWriter();

    @Test
    void a_receipt_in_the_default_namespace_as_customs_sends_it_is_read() {
        CebMessage<DeclarationReceipt> receipt = reader.read(XmlElements.resource("CEB622.xml"), MessageType.CEB622);

        assertThat(receipt.guid()).isEqualTo("6F1C2B3A-0000-7000-8000-000000000622");
        assertThat(receipt.body()).isEqualTo(new DeclarationReceipt("6F1C2B3A-0000-7000-8000-000000000621", "0501",
                "1401960001", "91350100M000100Y43", "1401980001", null, CebFixtures.COP_NO, CebFixtures.PRE_NO,
                CebFixtures.INVT_NO, 800, Instant.parse("2026-11-30T03:20:45.123Z"), "[Code:2600;Desc:放行]"));
    }

    @Test
    void every_golden_receipt_and_the_tax_bill_read_as_their_type() {
        for (String type : new String[]{"CEB312", "CEB622", "CEB624", "CEB626", "CEB816"}) {
            CebMessage<?> message = reader.read(XmlElements.resource(type + ".xml"));
            assertThat(message.type().code()).isEqualTo(type);
            assertThat(message.bodies()).hasSize(1);
            assertThat(message.baseTransfer()).isNull();
        }
    }

    @Test
    void a_lower_case_guid_is_read_upper_case() {
        String xml = receipt("6f1c2b3a-0000-7000-8000-0000000006aa", "6f1c2b3a-0000-7000-8000-000000000621",
                "20261130112045123");

        CebMessage<DeclarationReceipt> receipt = reader.read(bytes(xml), MessageType.CEB622);

        assertThat(receipt.guid()).isEqualTo("6F1C2B3A-0000-7000-8000-0000000006AA");
        assertThat(receipt.body().guid()).isEqualTo("6F1C2B3A-0000-7000-8000-000000000621");
    }

    @Test
    void return_time_is_read_with_or_without_milliseconds_in_china_time() {
        String guid = "6F1C2B3A-0000-7000-8000-000000000621";

        assertThat(reader.read(bytes(receipt(guid, guid, "20261130112045")), MessageType.CEB622).body().returnTime())
                .isEqualTo(Instant.parse("2026-11-30T03:20:45Z"));
        assertThat(reader.read(bytes(receipt(guid, guid, "20261130112045007")), MessageType.CEB622).body()
                .returnTime()).isEqualTo(Instant.parse("2026-11-30T03:20:45.007Z"));
    }

    @Test
    void a_return_time_of_another_length_is_refused_naming_the_field() {
        String guid = "6F1C2B3A-0000-7000-8000-000000000621";

        MalformedMessageException refused = catchThrowableOfType(
                () -> reader.read(bytes(receipt(guid, guid, "2026113011204")), MessageType.CEB622),
                MalformedMessageException.class);

        assertThat(refused.rule()).isEqualTo("FIELD_FORMAT");
        assertThat(refused.errors().get(0).field()).isEqualTo("InventoryReturn[1].returnTime");
    }

    @Test
    void consignee_district_spelled_correctly_is_read_as_consigneeDitrict() {
        String ours = writer.writeString(CebFixtures.orderMessage());
        String variant = ours.replace("consigneeDitrict>", "consigneeDistrict>");
        assertThat(variant).contains("<ceb:consigneeDistrict>140105</ceb:consigneeDistrict>");

        CebMessage<OrderDeclaration> read = reader.read(bytes(variant), MessageType.CEB311);

        assertThat(read.body().head().consigneeDistrict()).isEqualTo("140105");
    }

    @Test
    void a_message_with_its_enveloped_signature_reads_without_it() {
        String ours = writer.writeString(CebFixtures.orderMessage());
        String signed = ours.replace("</ceb:CEB311Message>", "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/"
                + "xmldsig#\"><ds:SignedInfo><ds:Reference URI=\"\"/></ds:SignedInfo><ds:SignatureValue>AAAA"
                + "</ds:SignatureValue></ds:Signature></ceb:CEB311Message>");

        assertThat(reader.read(bytes(signed))).isEqualTo(reader.read(bytes(ours)));
    }

    @Test
    void a_message_in_no_namespace_at_all_is_read() {
        String plain = receipt("6F1C2B3A-0000-7000-8000-000000000622", "6F1C2B3A-0000-7000-8000-000000000621",
                "20261130112045").replace(" xmlns=\"http://www.chinaport.gov.cn/ceb\"", "");

        assertThat(reader.read(bytes(plain), MessageType.CEB622).body().returnStatus()).isEqualTo(800);
    }

    @Test
    void a_negative_return_status_is_a_failure() {
        String failed = receipt("6F1C2B3A-0000-7000-8000-000000000622", "6F1C2B3A-0000-7000-8000-000000000621",
                "20261130112045").replace(">800<", ">-301010<");

        assertThat(reader.read(bytes(failed), MessageType.CEB622).body().isFailure()).isTrue();
    }

    @Test
    void an_unknown_root_is_refused() {
        MalformedMessageException refused = catchThrowableOfType(() -> reader.read(bytes(
                "<CEB999Message xmlns=\"http://www.chinaport.gov.cn/ceb\" guid=\"6F1C2B3A-0000-7000-8000-000000000622\""
                        + "/>")), MalformedMessageException.class);

        assertThat(refused.rule()).isEqualTo("UNKNOWN_MESSAGE_TYPE");
    }

    @Test
    void a_missing_required_field_is_refused_naming_it() {
        String ours = writer.writeString(CebFixtures.orderMessage());
        String without = ours.replaceAll("<ceb:orderNo>[^<]*</ceb:orderNo>", "");

        MalformedMessageException refused = catchThrowableOfType(() -> reader.read(bytes(without)),
                MalformedMessageException.class);

        assertThat(refused.rule()).isEqualTo("FIELD_REQUIRED");
        assertThat(refused.errors().get(0).field()).isEqualTo("Order[1].OrderHead.orderNo");
    }

    private static String receipt(String guid, String answered, String returnTime) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><CEB622Message xmlns=\"http://www.chinaport.gov.cn/ceb\" "
                + "version=\"1.0\" guid=\"" + guid + "\"><InventoryReturn><guid>" + answered + "</guid>"
                + "<customsCode>0501</customsCode><ebpCode>1401960001</ebpCode><ebcCode>91350100M000100Y43</ebcCode>"
                + "<agentCode>1401980001</agentCode><copNo>C20261130000123</copNo><preNo>B20261130000000123</preNo>"
                + "<invtNo>05012026I000000123</invtNo><returnStatus>800</returnStatus><returnTime>" + returnTime
                + "</returnTime><returnInfo>[Code:2600;Desc:放行]</returnInfo></InventoryReturn></CEB622Message>";
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
