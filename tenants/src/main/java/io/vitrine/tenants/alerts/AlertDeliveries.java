package io.vitrine.tenants.alerts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Records on the alert what its webhook post came to. A failure is recorded in a transaction of its own, because
 * the listener then throws (so the outbox retries it) and its own transaction rolls back.
 */
@Singleton
class AlertDeliveries {

    private final AlertStore store;
    private final Clock clock;

    AlertDeliveries(AlertStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void delivered(TenantId tenant, String id) {
        store.recordDelivery(tenant, id, WebhookDelivery.DELIVERED, true, clock.instant(), null);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void noWebhook(TenantId tenant, String id) {
        store.recordDelivery(tenant, id, WebhookDelivery.NO_WEBHOOK, false, null, null);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void refused(TenantId tenant, String id, boolean attempted, String reason) {
        store.recordDelivery(tenant, id, WebhookDelivery.REFUSED, attempted, null, clip(reason));
    }

    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    void failed(TenantId tenant, String id, String reason) {
        store.recordDelivery(tenant, id, WebhookDelivery.PENDING, true, null, clip(reason));
    }

    @Nullable
    private static String clip(@Nullable String reason) {
        return reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
    }
}
