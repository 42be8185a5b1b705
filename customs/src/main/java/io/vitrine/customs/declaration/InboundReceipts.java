package io.vitrine.customs.declaration;

import io.vitrine.customs.exchange.DxpEnvelope;
import io.vitrine.customs.messages.CebMessage;
import io.vitrine.customs.messages.CebReader;
import io.vitrine.customs.messages.DeclarationReceipt;
import io.vitrine.customs.messages.MalformedMessageException;
import io.vitrine.customs.messages.MessageType;
import io.vitrine.customs.messages.TaxBill;
import io.vitrine.customs.tax.TaxBillRecording;
import io.vitrine.customs.xml.XmlRejectedException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * One message customs sent us, however it came (a file of the {@code ReceiptInbox}, or pushed over HTTP): a DXP
 * envelope or bare CEB, read with {@link CebReader} (XXE-safe, size-limited), each body recorded through the one
 * path — receipts (CEB312/622/624/626) by {@link ReceiptRecording}, tax bills (CEB816) by {@link TaxBillRecording}.
 * Recording is idempotent (a receipt by its own guid, a bill by its number), so the same message twice records
 * nothing the second time. A body of another type is not recorded and counted as unknown.
 */
@Singleton
public class InboundReceipts {

    private static final Logger LOG = LoggerFactory.getLogger(InboundReceipts.class);

    private final ReceiptRecording receipts;
    private final TaxBillRecording taxBills;

    InboundReceipts(ReceiptRecording receipts, TaxBillRecording taxBills) {
        this.receipts = receipts;
        this.taxBills = taxBills;
    }

    /** What became of a message. */
    public record Outcome(MessageType<?> type, String guid, int recorded, int repeated, int unknown) {
    }

    /**
     * @param content the message as received, at most {@link CebReader#DEFAULT_MAX_BYTES}
     * @throws MalformedMessageException  a CEB message that cannot be read (field path and rule)
     * @throws XmlRejectedException       XML refused (DTD, too large, too deep, not well-formed)
     * @throws IllegalArgumentException   not a DXP envelope or CEB message at all, or a bill with an unknown status
     */
    public Outcome accept(byte[] content) {
        CebMessage<?> message = new CebReader().read(DxpEnvelope.payloadOf(content, CebReader.DEFAULT_MAX_BYTES));
        List<?> bodies = message.bodies();
        int recorded = 0;
        int repeated = 0;
        int unknown = 0;
        for (int i = 0; i < bodies.size(); i++) {
            String id = bodies.size() == 1 ? message.guid() : message.guid() + "#" + (i + 1);
            Object body = bodies.get(i);
            if (body instanceof DeclarationReceipt receipt) {
                if (receipts.record(id, receipt)) {
                    recorded++;
                } else {
                    repeated++;
                }
            } else if (body instanceof TaxBill bill) {
                if (taxBills.record(message.guid(), bill) == TaxBillRecording.Outcome.REPEATED) {
                    repeated++;
                } else {
                    recorded++;
                }
            } else {
                unknown++;
            }
        }
        if (unknown > 0) {
            LOG.warn("customs: {} {} holds {} bodies that are neither receipts nor tax bills, not recorded",
                    message.type(), message.guid(), unknown);
        }
        return new Outcome(message.type(), message.guid(), recorded, repeated, unknown);
    }
}
