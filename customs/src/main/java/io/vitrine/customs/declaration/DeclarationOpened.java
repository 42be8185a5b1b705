package io.vitrine.customs.declaration;

import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.kernel.outbox.OutboxEvent;
import io.vitrine.kernel.tenancy.TenantId;

/**
 * A paid cross-border order got its declaration (outbox event {@value #TYPE}, published once, in the transaction
 * that opens it with its CEB311). The payment leg starts from it.
 *
 * @param tradeMode {@code 1210}, {@code 1239} or {@code 9610}
 */
@Serdeable
public record DeclarationOpened(TenantId tenant, String orderNo, String tradeMode) implements OutboxEvent {

    public static final String TYPE = "customs.DeclarationOpened";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String businessKey() {
        return orderNo;
    }
}
