package io.vitrine.customs.declaration;

import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.kernel.outbox.OutboxEvent;
import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;

/**
 * Customs released a declaration's goods (outbox event {@value #TYPE}, published once, in the transaction that records
 * the inventory list's first 800 and moves the declaration to RELEASED). The park's statistics count it.
 *
 * @param tradeMode  {@code 1210}, {@code 1239} or {@code 9610}
 * @param openedAt   when the declaration was opened (the order's payment): where the clearance time starts, as the
 *                   declaration monitor measures it
 * @param releasedAt customs' returnTime of the 800
 */
@Serdeable
public record DeclarationReleased(TenantId tenant, String orderNo, String tradeMode, Instant openedAt,
                                  Instant releasedAt) implements OutboxEvent {

    public static final String TYPE = "customs.DeclarationReleased";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String businessKey() {
        return orderNo;
    }
}
