package io.vitrine.customs.paymentdata;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.outbox.Outbox;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Takes customs' "179" request: records it (one row per sessionID) and answers at once. A declared order: 10000 and
 * {@link PaymentDataRequested} published in the same transaction (the upload follows through the outbox); an order
 * no declaration knows: recorded, 20000. The same sessionID again: the first answer again, nothing new published.
 * The deadline ({@code vitrine.customs.payment-data.deadline}, default 60 s) counts from receipt.
 */
@Singleton
public class PaymentDataRequests {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentDataRequests.class);

    private final PaymentDataRequestStore store;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration deadline;

    PaymentDataRequests(PaymentDataRequestStore store, Outbox outbox, Clock clock,
                        @Value("${vitrine.customs.payment-data.deadline:60s}") Duration deadline) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.deadline = deadline;
    }

    @Transactional
    public ImmediateAnswer receive(PaymentDataRequest request) {
        long now = clock.millis();
        Optional<RecordedRequest> known = store.find(request.sessionId());
        if (known.isPresent()) {
            return repeated(known.get(), request, now);
        }
        Optional<TenantId> tenant = store.tenantOfDeclaredOrder(request.orderNo());
        Instant received = clock.instant().truncatedTo(ChronoUnit.MICROS);
        RecordedRequest row = new RecordedRequest(request.sessionId(), request.orderNo(), tenant.orElse(null),
                request.serviceTime(), received, received.plus(deadline),
                tenant.isPresent() ? RecordedRequest.Status.PENDING : RecordedRequest.Status.UNKNOWN_ORDER,
                null, 0, null, null, null, null);
        if (!store.insert(row)) {
            return repeated(store.find(request.sessionId()).orElseThrow(), request, now);
        }
        if (tenant.isPresent()) {
            outbox.publish(new PaymentDataRequested(tenant.get(), request.sessionId(), request.orderNo()));
            LOG.info("customs: 179 request {} for order {} accepted", request.sessionId(), request.orderNo());
        } else {
            LOG.warn("customs: 179 request {} names order {}, which no declaration knows", request.sessionId(),
                    request.orderNo());
        }
        return row.immediateAnswer(now);
    }

    private static ImmediateAnswer repeated(RecordedRequest known, PaymentDataRequest request, long now) {
        if (!known.orderNo().equals(request.orderNo())) {
            LOG.warn("customs: 179 session {} repeated for another order ({}, first {}): the first stands",
                    request.sessionId(), request.orderNo(), known.orderNo());
        }
        return known.immediateAnswer(now);
    }
}
