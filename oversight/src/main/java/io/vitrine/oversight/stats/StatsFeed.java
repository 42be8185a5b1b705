package io.vitrine.oversight.stats;

import io.vitrine.customs.declaration.DeclarationRejected;
import io.vitrine.customs.declaration.DeclarationReleased;
import io.vitrine.kernel.outbox.DeliveredEvent;
import io.vitrine.kernel.outbox.OutboxListener;
import io.vitrine.orders.ordering.OrderPaid;
import io.vitrine.orders.ordering.OrderRefusedAtClearance;
import io.vitrine.orders.returns.ReturnReceived;
import jakarta.inject.Singleton;

import java.util.Set;

/**
 * Outbox listener {@value #NAME}: keeps the statistics' aggregates from orders' {@code OrderPaid} and
 * {@code ReturnReceived} and {@code OrderRefusedAtClearance} and customs' {@code DeclarationReleased} and {@code DeclarationRejected}. The dispatcher
 * already marks each event processed once per listener; {@link StatsRecording} also counts each fact once by its
 * business key, so a republished event (a refund retried) or a replay counts nothing twice.
 */
@Singleton
class StatsFeed implements OutboxListener {

    static final String NAME = "oversight.statistics";

    private final StatsRecording recording;

    StatsFeed(StatsRecording recording) {
        this.recording = recording;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(OrderPaid.TYPE, DeclarationReleased.TYPE, DeclarationRejected.TYPE, ReturnReceived.TYPE,
                OrderRefusedAtClearance.TYPE);
    }

    @Override
    public void on(DeliveredEvent event) {
        switch (event.type()) {
            case OrderPaid.TYPE -> recording.paid(event.payloadAs(OrderPaid.class));
            case DeclarationReleased.TYPE -> recording.released(event.payloadAs(DeclarationReleased.class));
            case DeclarationRejected.TYPE -> recording.rejected(event.payloadAs(DeclarationRejected.class));
            case ReturnReceived.TYPE -> recording.returned(event.payloadAs(ReturnReceived.class));
            case OrderRefusedAtClearance.TYPE -> recording.refusedAtClearance(
                    event.payloadAs(OrderRefusedAtClearance.class), event.occurredAt());
            default -> throw new IllegalArgumentException("not a statistics event: " + event.type());
        }
    }
}
