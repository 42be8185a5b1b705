package io.vitrine.customs.paymentdata;

import io.micronaut.context.annotation.Requires;
import io.vitrine.customs.declaration.DeclaringParties;
import io.vitrine.customs.exchange.DxpMessage;
import io.vitrine.customs.exchange.ExchangeChannel;
import io.vitrine.customs.exchange.TransInfo;
import io.vitrine.customs.signing.MessageSigner;
import io.vitrine.customs.signing.TextSignature;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.outbox.DeliveredEvent;
import io.vitrine.kernel.outbox.OutboxListener;
import io.vitrine.kernel.time.ChinaTime;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * Answers a recorded "179" request (outbox listener {@value #NAME}, on {@link PaymentDataRequested}; with a signer and
 * an exchange): the attempt counted and the upload's guid fixed first ({@link UploadAttempts}), then the snapshot
 * ({@link PaymentSnapshots}) signed over {@link PayExInfoJson#signingText} and sent as one exchange message of type
 * {@link TransInfo#PAYMENT_DATA} under that guid, then the row ANSWERED with the upload as sent and whether the
 * deadline was met. A failed send is recorded ({@code last_error}) and the delivery fails: the outbox retries with
 * backoff, the same guid and file name each time. A row already answered (a redelivery) sends nothing.
 */
@Singleton
@Requires(beans = {MessageSigner.class, ExchangeChannel.class})
class PaymentDataUpload implements OutboxListener {

    static final String NAME = "customs.answer-payment-data";
    private static final Logger LOG = LoggerFactory.getLogger(PaymentDataUpload.class);

    private final UploadAttempts attempts;
    private final PaymentDataRequestStore store;
    private final PaymentSnapshots snapshots;
    private final MessageSigner signer;
    private final ExchangeChannel channel;
    private final DeclaringParties parties;
    private final Clock clock;

    PaymentDataUpload(UploadAttempts attempts, PaymentDataRequestStore store, PaymentSnapshots snapshots,
                      MessageSigner signer, ExchangeChannel channel, DeclaringParties parties, Clock clock) {
        this.attempts = attempts;
        this.store = store;
        this.snapshots = snapshots;
        this.signer = signer;
        this.channel = channel;
        this.parties = parties;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(PaymentDataRequested.TYPE);
    }

    @Override
    public void on(DeliveredEvent event) {
        PaymentDataRequested requested = event.payloadAs(PaymentDataRequested.class);
        RecordedRequest row = attempts.count(requested.sessionId(), Ids.customsGuid());
        if (row.status() != RecordedRequest.Status.PENDING) {
            return;
        }
        String upload;
        try {
            upload = send(requested, row.uploadGuid());
        } catch (RuntimeException e) {
            attempts.failed(row.sessionId(), e.toString());
            LOG.warn("customs: 179 upload {} for order {} failed (attempt {}), retried: {}", row.sessionId(),
                    row.orderNo(), row.attempts(), e.toString());
            throw e;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean inTime = !now.isAfter(row.deadlineAt());
        store.answered(row.sessionId(), now, inTime, upload);
        LOG.info("customs: 179 upload {} for order {} sent, {}", row.sessionId(), row.orderNo(),
                inTime ? "in time" : "late");
    }

    private String send(PaymentDataRequested requested, String guid) {
        PaymentSnapshots.Snapshot snapshot = snapshots.of(requested.tenant(), requested.orderNo(), guid);
        PayExInfo.Head head = snapshot.head();
        List<PayExInfo.Item> items = snapshot.items();
        long serviceTime = clock.millis();
        TextSignature signature = signer.signText(
                PayExInfoJson.signingText(requested.sessionId(), head, items, serviceTime));
        String upload = PayExInfoJson.write(new PayExInfo(requested.sessionId(), head, items, serviceTime,
                signature.certNo(), signature.signValue()));
        var route = parties.route();
        channel.send(new DxpMessage(new TransInfo(guid, route.senderId(), route.receiverIds(),
                ChinaTime.now(clock).toLocalDateTime(), TransInfo.PAYMENT_DATA),
                upload.getBytes(StandardCharsets.UTF_8)));
        return upload;
    }
}
