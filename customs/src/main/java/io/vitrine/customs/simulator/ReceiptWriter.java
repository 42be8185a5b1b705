package io.vitrine.customs.simulator;

import io.vitrine.customs.exchange.DxpEnvelope;
import io.vitrine.customs.exchange.DxpMessage;
import io.vitrine.customs.exchange.TransInfo;
import io.vitrine.customs.messages.CebFormats;
import io.vitrine.customs.messages.CebMessage;
import io.vitrine.customs.messages.CebWriter;
import io.vitrine.customs.messages.DeclarationReceipt;
import io.vitrine.customs.messages.MessageType;
import io.vitrine.customs.messages.TaxBill;
import io.vitrine.customs.messages.TaxHeadRd;
import io.vitrine.customs.messages.TaxListRd;
import io.vitrine.kernel.money.Money;
import io.vitrine.customs.xml.SafeXml;
import io.vitrine.kernel.time.ChinaTime;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Writes one receipt the way customs sends it (domain.md "Customs message standard"): {@code <CEB622Message
 * xmlns="http://www.chinaport.gov.cn/ceb" guid version>} in the default namespace, wrapped in a DXP envelope from the
 * customs receiver to the declaration's sender, into the receive folder under {@code <MsgType>_<guid>.xml}: written
 * and synced as a dot-file the exchange ignores, then renamed atomically, so no partial receipt is ever seen.
 */
final class ReceiptWriter {

    private final Path receive;
    private final CebWriter writer = new CebWriter();
    private final Clock clock;

    ReceiptWriter(Path receive, Clock clock) {
        this.receive = receive;
        this.clock = clock;
    }

    Path write(PlannedReceipt planned) {
        Instant now = clock.instant();
        MessageType<?> type = MessageType.all().stream().filter(t -> t.code().equals(planned.type())).findFirst()
                .orElseThrow(() -> new IllegalStateException("not a receipt type: " + planned.type()));
        byte[] xml = defaultNamespace(type == MessageType.CEB816 ? writer.write(taxBill(planned, now))
                : writer.write(receipt(type, planned, now)));
        DxpMessage message = new DxpMessage(new TransInfo(planned.receiptGuid(), TransInfo.IMPORT_RECEIVER,
                List.of(planned.replyTo()), ChinaTime.now(clock).toLocalDateTime(), type.rootElement()), xml);
        Path target = receive.resolve(message.fileName());
        Path temporary = receive.resolve("." + message.fileName() + ".part");
        try {
            Files.createDirectories(receive);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(DxpEnvelope.write(message));
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write receipt " + message.fileName() + " to " + receive, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static CebMessage<DeclarationReceipt> receipt(MessageType<?> type, PlannedReceipt planned, Instant now) {
        return new CebMessage<>((MessageType<DeclarationReceipt>) type, planned.receiptGuid(),
                List.of(planned.receipt(now)), null);
    }

    /** The CEB816 of a released list: the head's taxes are its lines' sums; status 1 (generated). */
    private static CebMessage<TaxBill> taxBill(PlannedReceipt planned, Instant now) {
        List<TaxListRd> lines = SimulatedTax.decode(planned.taxLines());
        TaxHeadRd head = new TaxHeadRd(planned.receiptGuid(), now, planned.invtNo(), planned.taxNo(),
                Money.sum(lines.stream().map(TaxListRd::customsTax).toList()),
                Money.sum(lines.stream().map(TaxListRd::valueAddedTax).toList()),
                Money.sum(lines.stream().map(TaxListRd::consumptionTax).toList()), TaxHeadRd.GENERATED, null,
                null, null, planned.ebcCode(), null, planned.agentCode(), planned.customsCode());
        return new CebMessage<>(MessageType.CEB816, planned.receiptGuid(), List.of(new TaxBill(head, lines)), null);
    }

    /** The module's writer uses the {@code ceb:} prefix; customs' receipts use the default namespace. */
    private static byte[] defaultNamespace(byte[] prefixed) {
        Document document = SafeXml.parse(prefixed, Integer.MAX_VALUE);
        Element root = document.getDocumentElement();
        root.removeAttribute("xmlns:" + CebFormats.PREFIX);
        rename(document, root);
        return SafeXml.serialize(document);
    }

    private static void rename(Document document, Element element) {
        Node renamed = document.renameNode(element, CebFormats.NAMESPACE, element.getLocalName());
        for (Node child = renamed.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                rename(document, e);
            }
        }
    }
}
