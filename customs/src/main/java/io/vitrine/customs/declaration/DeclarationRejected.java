package io.vitrine.customs.declaration;

import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.kernel.outbox.OutboxEvent;
import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;

/**
 * Customs rejected a leg of a declaration (outbox event {@value #TYPE}, published in the transaction that records the
 * receipt — 100 or a negative status — and moves the declaration to REJECTED; once per rejection: a declaration
 * corrected and rejected again publishes it again). The park's statistics count the declarations whose first
 * decision was a rejection.
 *
 * @param leg        {@code ORDER} or {@code INVENTORY}
 * @param rejectedAt when the receipt was recorded
 */
@Serdeable
public record DeclarationRejected(TenantId tenant, String orderNo, String tradeMode, String leg, Instant rejectedAt)
        implements OutboxEvent {

    public static final String TYPE = "customs.DeclarationRejected";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String businessKey() {
        return orderNo;
    }
}
