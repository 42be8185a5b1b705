package io.vitrine.tenants.alerts;

import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.kernel.outbox.OutboxEvent;
import io.vitrine.kernel.tenancy.TenantId;

/** An alert was raised (once per tenant, kind and subject), in the transaction that raised it. */
@Serdeable
public record AlertRaised(TenantId tenant, String alertId, String kind, String subject) implements OutboxEvent {

    public static final String TYPE = "tenants.AlertRaised";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String businessKey() {
        return alertId;
    }
}
