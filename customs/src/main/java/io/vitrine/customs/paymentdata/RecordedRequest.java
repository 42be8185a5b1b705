package io.vitrine.customs.paymentdata;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;

/** A row of {@code payment_data_requests} (V35). {@code tenant} is null for an order no declaration knows. */
public record RecordedRequest(String sessionId, String orderNo, @Nullable TenantId tenant, long serviceTime,
                              Instant receivedAt, Instant deadlineAt, Status status, @Nullable String uploadGuid,
                              int attempts, @Nullable String lastError, @Nullable Instant answeredAt,
                              @Nullable Boolean deadlineMet, @Nullable String upload) {

    public enum Status {
        /** Answered 10000, upload not sent yet. */
        PENDING,
        /** Uploaded; {@code deadlineMet} says whether in time. */
        ANSWERED,
        /** Answered 20000: no declaration has this order number. */
        UNKNOWN_ORDER
    }

    public ImmediateAnswer immediateAnswer(long now) {
        return status == Status.UNKNOWN_ORDER
                ? new ImmediateAnswer(ImmediateAnswer.FAILED, "order " + orderNo + " is not declared here", now)
                : new ImmediateAnswer(ImmediateAnswer.ACCEPTED, "", now);
    }
}
