package io.vitrine.oversight.risk;

import io.vitrine.kernel.outbox.DeliveredEvent;
import io.vitrine.kernel.outbox.OutboxListener;
import io.vitrine.orders.ordering.ClearanceRefusal;
import io.vitrine.orders.ordering.OrderRefusedAtClearance;
import jakarta.inject.Singleton;

import java.util.Set;

/**
 * Feeds IDENTITY_FAILURES: an order cancelled because the payer was not the buyer (orders'
 * {@link OrderRefusedAtClearance}) is marked in the screening history, against its buyer's blind index.
 */
@Singleton
class IdentityFailureRecording implements OutboxListener {

    private final ScreeningHistory history;

    IdentityFailureRecording(ScreeningHistory history) {
        this.history = history;
    }

    @Override
    public String name() {
        return "oversight.risk.identity-failures";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(OrderRefusedAtClearance.TYPE);
    }

    @Override
    public void on(DeliveredEvent event) {
        OrderRefusedAtClearance refused = event.payloadAs(OrderRefusedAtClearance.class);
        if (refused.refusal() == ClearanceRefusal.PAYER_NOT_BUYER) {
            history.identityFailed(refused.orderNo(), event.occurredAt());
        }
    }
}
