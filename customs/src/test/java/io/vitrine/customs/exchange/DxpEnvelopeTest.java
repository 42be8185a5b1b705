package io.vitrine.customs.exchange;

import io.vitrine.customs.signing.CebSamples;
import io.vitrine.customs.xml.XmlRejectedException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DxpEnvelopeTest {

    private static final int LIMIT = 1 << 20;

    @Test
    void a_wrapped_message_unwraps_to_the_same_routing_and_the_exact_signed_bytes() {
        DxpMessage message = Messages.order(CebSamples.GUID);

        DxpMessage read = DxpEnvelope.read(DxpEnvelope.write(message), LIMIT);

        assertEquals(message.transInfo(), read.transInfo());
        assertArrayEquals(CebSamples.unsignedOrder(), read.data());
    }

    @Test
    void the_envelope_carries_trans_info_in_the_dxp_namespace_and_the_data_in_base64() {
        String xml = new String(DxpEnvelope.write(Messages.order(CebSamples.GUID)), StandardCharsets.UTF_8);

        assertTrue(xml.contains("<dxp:DxpMsg xmlns:dxp=\"http://www.chinaport.gov.cn/dxp\" ver=\"1.0\">")
                || xml.contains("<dxp:DxpMsg ver=\"1.0\" xmlns:dxp=\"http://www.chinaport.gov.cn/dxp\">"), xml);
        assertTrue(xml.contains("<dxp:CopMsgId>" + CebSamples.GUID + "</dxp:CopMsgId>"), xml);
        assertTrue(xml.contains("<dxp:ReceiverIds><dxp:ReceiverId>DXPEDCCEB0000002</dxp:ReceiverId></dxp:ReceiverIds>"), xml);
        assertTrue(xml.contains("<dxp:CreatTime>2026-11-30T18:00:05</dxp:CreatTime>"), xml);
        assertTrue(xml.contains("<dxp:MsgType>CEB311Message</dxp:MsgType>"), xml);
        assertTrue(xml.contains("<dxp:Data>" + Base64.getEncoder().encodeToString(CebSamples.unsignedOrder()) + "</dxp:Data>"), xml);
    }

    @Test
    void an_envelope_with_a_default_namespace_and_a_digits_creat_time_is_read_too() {
        String data = Base64.getEncoder().encodeToString("<CEB312Message xmlns=\"http://www.chinaport.gov.cn/ceb\"/>".getBytes(StandardCharsets.UTF_8));
        byte[] envelope = ("""
                <DxpMsg ver="1.0" xmlns="http://www.chinaport.gov.cn/dxp">
                  <TransInfo>
                    <CopMsgId>a1b2c3d4-0000-4000-8000-000000000001</CopMsgId>
                    <SenderId>DXPEDCCEB0000002</SenderId>
                    <ReceiverIds><ReceiverId>DXPENT0000012345</ReceiverId></ReceiverIds>
                    <CreatTime>20261130180102</CreatTime>
                    <MsgType>CEB312Message</MsgType>
                  </TransInfo>
                  <Data>%s</Data>
                </DxpMsg>""").formatted(data).getBytes(StandardCharsets.UTF_8);

        DxpMessage read = DxpEnvelope.read(envelope, LIMIT);

        assertEquals(new TransInfo("a1b2c3d4-0000-4000-8000-000000000001", "DXPEDCCEB0000002", List.of("DXPENT0000012345"),
                LocalDateTime.of(2026, 11, 30, 18, 1, 2), "CEB312Message"), read.transInfo());
        assertArrayEquals(Base64.getDecoder().decode(data), DxpEnvelope.payloadOf(envelope, LIMIT));
    }

    @Test
    void a_bare_ceb_receipt_is_its_own_payload() {
        byte[] receipt = "<CEB622Message xmlns=\"http://www.chinaport.gov.cn/ceb\" guid=\"x\"/>".getBytes(StandardCharsets.UTF_8);

        assertArrayEquals(receipt, DxpEnvelope.payloadOf(receipt, LIMIT));
    }

    @Test
    void the_file_name_comes_from_the_type_and_guid_only() {
        DxpMessage first = Messages.order(CebSamples.GUID, "<a/>".getBytes(StandardCharsets.UTF_8));
        DxpMessage retry = Messages.order(CebSamples.GUID, "<b/>".getBytes(StandardCharsets.UTF_8));

        assertEquals("CEB311Message_" + CebSamples.GUID + ".xml", first.fileName());
        assertEquals(first.fileName(), retry.fileName());
    }

    @Test
    void a_guid_that_could_leave_the_folder_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> Messages.order("../../etc/cron.d/x"));
        assertThrows(IllegalArgumentException.class, () -> new TransInfo(CebSamples.GUID, Messages.SENDER,
                List.of(TransInfo.IMPORT_RECEIVER), LocalDateTime.now(), "../CEB311Message"));
    }

    @Test
    void an_envelope_over_the_limit_or_with_a_doctype_is_refused() {
        byte[] envelope = DxpEnvelope.write(Messages.order(CebSamples.GUID));
        assertThrows(XmlRejectedException.class, () -> DxpEnvelope.read(envelope, envelope.length - 1));

        byte[] hostile = "<!DOCTYPE d [<!ENTITY x SYSTEM \"http://127.0.0.1:1/\">]><DxpMsg xmlns=\"http://www.chinaport.gov.cn/dxp\">&x;</DxpMsg>"
                .getBytes(StandardCharsets.UTF_8);
        assertThrows(XmlRejectedException.class, () -> DxpEnvelope.read(hostile, LIMIT));
    }
}
