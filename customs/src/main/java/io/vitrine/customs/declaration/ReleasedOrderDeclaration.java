package io.vitrine.customs.declaration;

import io.micronaut.context.annotation.Requires;
import io.vitrine.kernel.outbox.DeliveredEvent;
import io.vitrine.kernel.outbox.OutboxListener;
import io.vitrine.kernel.outbox.OutboxRetries;
import jakarta.inject.Singleton;

import java.util.Set;

/**
 * Declares a held order once it is released ({@link ReleasedFromHold}), exactly as {@link PaidOrderDeclaration}
 * declares a paid one but without screening it again: the same preparation (one declaration per order, so a second
 * delivery sends nothing new) and the same handoff, retried until declared.
 */
@Singleton
@Requires(beans = OrderLegSending.class)
class ReleasedOrderDeclaration implements OutboxListener {

    private final PaidOrderDeclaration declaration;

    ReleasedOrderDeclaration(PaidOrderDeclaration declaration) {
        this.declaration = declaration;
    }

    @Override
    public String name() {
        return "customs.declare-released-order";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(ReleasedFromHold.TYPE);
    }

    @Override
    public void on(DeliveredEvent event) {
        ReleasedFromHold released = event.payloadAs(ReleasedFromHold.class);
        declaration.declare(released.tenant(), released.orderNo());
    }

    @Override
    public OutboxRetries retries() {
        return OutboxRetries.UNTIL_DELIVERED;
    }
}
