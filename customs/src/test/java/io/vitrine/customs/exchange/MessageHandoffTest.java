package io.vitrine.customs.exchange;

import io.vitrine.customs.exchange.infra.DirectoryExchange;
import io.vitrine.customs.exchange.infra.DirectoryLayout;
import io.vitrine.customs.signing.CebSamples;
import io.vitrine.customs.signing.DigestAlgorithm;
import io.vitrine.customs.signing.SignatureAlgorithm;
import io.vitrine.customs.signing.TestKeys;
import io.vitrine.customs.signing.infra.XmlDsigMessageSigner;
import io.vitrine.customs.signing.infra.XmlDsigSignatureVerifier;
import io.vitrine.kernel.time.ChinaTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MessageHandoffTest {

    private static final int LIMIT = 1 << 20;

    @Test
    void a_message_handed_off_twice_is_one_signed_file_named_after_its_own_guid(@TempDir Path root) throws Exception {
        MessageHandoff handoff = new MessageHandoff(
                new XmlDsigMessageSigner(TestKeys.generate(SignatureAlgorithm.SM2_SM3), SignatureAlgorithm.SM2_SM3, DigestAlgorithm.SM3, LIMIT),
                new DirectoryExchange(DirectoryLayout.under(root), Duration.ofMinutes(10), LIMIT, ChinaTime.systemClock()),
                ChinaTime.systemClock());

        DxpMessage first = handoff.handOff(DxpRoute.importFrom(Messages.SENDER), CebSamples.unsignedOrder());
        handoff.handOff(DxpRoute.importFrom(Messages.SENDER), CebSamples.unsignedOrder());

        assertEquals(CebSamples.GUID, first.transInfo().copMsgId());
        assertEquals("CEB311Message", first.transInfo().msgType());
        assertEquals(List.of(TransInfo.IMPORT_RECEIVER), first.transInfo().receiverIds());
        List<Path> sent;
        try (Stream<Path> files = Files.list(root.resolve("send"))) {
            sent = files.toList();
        }
        assertEquals(List.of(root.resolve("send").resolve("CEB311Message_" + CebSamples.GUID + ".xml")), sent);
        DxpMessage written = DxpEnvelope.read(Files.readAllBytes(sent.get(0)), 2 * LIMIT);
        assertEquals(SignatureAlgorithm.SM2_SM3, new XmlDsigSignatureVerifier(LIMIT).verify(written.data()).algorithm());
    }
}
