package io.vitrine.customs.declaration;

import io.micronaut.context.annotation.Requires;
import io.vitrine.kernel.outbox.DeliveredEvent;
import io.vitrine.kernel.outbox.OutboxListener;
import io.vitrine.orders.ordering.OrderPaid;
import jakarta.inject.Singleton;

import java.util.Set;

/**
 * Declares each paid cross-border order (1210, 1239, 9610; GENERAL never): on orders' {@link OrderPaid} it opens
 * the declaration with its CEB311 (once per order: unique order number; committed before sending) and hands the
 * CEB311 off. A delivery that fails after the message was stored — the channel down, the commit lost — is retried
 * by the outbox and sends the same guid under the same file name again; a second delivery of the event sends
 * nothing new.
 */
@Singleton
@Requires(beans = OrderLegSending.class)
class PaidOrderDeclaration implements OutboxListener {

    private final OrderLegPreparation preparation;
    private final OrderLegSending sending;

    PaidOrderDeclaration(OrderLegPreparation preparation, OrderLegSending sending) {
        this.preparation = preparation;
        this.sending = sending;
    }

    @Override
    public String name() {
        return "customs.declare-paid-order";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(OrderPaid.TYPE);
    }

    @Override
    public void on(DeliveredEvent event) {
        OrderPaid paid = event.payloadAs(OrderPaid.class);
        preparation.prepare(paid.tenant(), paid.orderNo()).ifPresent(sending::send);
    }
}
