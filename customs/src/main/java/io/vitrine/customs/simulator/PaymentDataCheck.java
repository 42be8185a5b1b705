package io.vitrine.customs.simulator;

import io.vitrine.customs.exchange.DxpEnvelope;
import io.vitrine.customs.exchange.DxpMessage;
import io.vitrine.customs.exchange.TransInfo;
import io.vitrine.customs.messages.CebReader;
import io.vitrine.customs.messages.MessageType;
import io.vitrine.customs.messages.OrderHead;
import io.vitrine.customs.paymentdata.PayExInfo;
import io.vitrine.customs.paymentdata.PayExInfoJson;
import io.vitrine.customs.signing.SignatureRejectedException;
import io.vitrine.customs.signing.SignatureVerifier;
import io.vitrine.customs.signing.VerifiedSignature;
import io.vitrine.customs.xml.XmlRejectedException;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What customs does with a "179" upload: reads it, checks its signature against the platform's certificate — the one
 * that signed the order's CEB311 (customs knows the platform's registered certificate; the simulator knows the one it
 * saw), the upload's certNo must be its serial —, and compares the snapshot with that CEB311: order number, platform,
 * payment company, transaction id and the amount paid (= acturalPaid). Outcomes: {@code ANSWERED} (all good, in time),
 * {@code LATE} (all good, after the deadline), {@code MISMATCH}, {@code BAD_SIGNATURE}, {@code UNREQUESTED} (a
 * session the simulator never opened), {@code UNREADABLE}.
 */
final class PaymentDataCheck {

    record Result(String sessionId, String outcome, String detail) {
    }

    /** What the simulator asked: the order and when the answer is due. */
    record Asked(String orderNo, Instant due) {
    }

    private final SignatureVerifier verifier;
    private final int maxBytes;

    PaymentDataCheck(SignatureVerifier verifier, int maxBytes) {
        this.verifier = verifier;
        this.maxBytes = maxBytes;
    }

    static boolean isPaymentData(String fileName) {
        return fileName.startsWith(TransInfo.PAYMENT_DATA + "_");
    }

    /**
     * @param asked       the open requests, by session id
     * @param signedOrder the accepted, signed CEB311 of an order number
     */
    Result check(byte[] file, Instant receivedAt, java.util.function.Function<String, Optional<Asked>> asked,
                 java.util.function.Function<String, Optional<byte[]>> signedOrder) {
        PayExInfo upload;
        try {
            DxpMessage envelope = DxpEnvelope.read(file, maxBytes);
            upload = PayExInfoJson.read(new String(envelope.data(), StandardCharsets.UTF_8));
        } catch (XmlRejectedException | IllegalArgumentException e) {
            return new Result(null, "UNREADABLE", e.getMessage());
        }
        String session = upload.sessionID();
        Optional<Asked> request = asked.apply(session);
        if (request.isEmpty()) {
            return new Result(session, "UNREQUESTED", "no request under this sessionID");
        }
        Optional<byte[]> order = signedOrder.apply(request.get().orderNo());
        if (order.isEmpty()) {
            return new Result(session, "MISMATCH", "no accepted CEB311 for " + request.get().orderNo());
        }
        VerifiedSignature platform = verifier.verify(order.get());
        String serial = platform.certificate().getSerialNumber().toString(16);
        if (!serial.equalsIgnoreCase(upload.certNo())) {
            return new Result(session, "BAD_SIGNATURE", "certNo " + upload.certNo() + " is not the platform's " + serial);
        }
        try {
            verifier.verifyText(PayExInfoJson.signingText(upload), upload.signValue(), platform.certificate(),
                    platform.algorithm());
        } catch (SignatureRejectedException e) {
            return new Result(session, "BAD_SIGNATURE", e.getMessage());
        }
        List<String> mismatches = mismatches(upload, request.get().orderNo(),
                new CebReader(maxBytes).read(order.get(), MessageType.CEB311).body().head());
        if (!mismatches.isEmpty()) {
            return new Result(session, "MISMATCH", String.join("; ", mismatches));
        }
        return receivedAt.isAfter(request.get().due())
                ? new Result(session, "LATE", "received " + receivedAt + ", due " + request.get().due())
                : new Result(session, "ANSWERED", "");
    }

    private static List<String> mismatches(PayExInfo upload, String orderNo, OrderHead declared) {
        List<String> found = new ArrayList<>();
        PayExInfo.Head head = upload.payExchangeInfoHead();
        if (upload.payExchangeInfoLists().size() != 1
                || !orderNo.equals(upload.payExchangeInfoLists().get(0).orderNo())) {
            found.add("payExchangeInfoLists.orderNo ORDER_NO: the requested order " + orderNo + " only");
        }
        if (head.totalAmount() == null || head.totalAmount()
                .compareTo(BigDecimal.valueOf(declared.acturalPaid().fen(), 2)) != 0) {
            found.add("payExchangeInfoHead.totalAmount PAID_MATCHES_ORDER: " + amount(head.totalAmount())
                    + " against acturalPaid " + declared.acturalPaid());
        }
        if (!declared.payTransactionId().equals(head.payTransactionId())) {
            found.add("payExchangeInfoHead.payTransactionId TRANSACTION_MATCHES_ORDER");
        }
        if (!declared.payCompany().code().equals(head.payCode())) {
            found.add("payExchangeInfoHead.payCode PAY_CODE_MATCHES_ORDER");
        }
        if (!declared.ebp().code().equals(head.ebpCode())) {
            found.add("payExchangeInfoHead.ebpCode EBP_CODE_MATCHES_ORDER");
        }
        return found;
    }

    private static String amount(BigDecimal value) {
        return value == null ? "none" : value.toPlainString();
    }
}
