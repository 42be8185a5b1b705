package io.vitrine.customs.declaration;

import io.micronaut.context.annotation.Requires;
import io.vitrine.kernel.outbox.DeliveredEvent;
import io.vitrine.kernel.outbox.OutboxListener;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.orders.returns.ReturnApproved;
import io.vitrine.orders.returns.ReturnClearances;
import jakarta.inject.Singleton;

import java.util.Set;

/**
 * Asks customs to take back the goods of an approved return (orders' {@link ReturnApproved}): the CEB625 stored by
 * {@link ReturnRequestPreparation} (one per return, however many deliveries), handed off by {@link MessageSending}
 * (sent once), then the return DECLARED (orders' {@link ReturnClearances}, a no-op when it already is). A delivery
 * whose send fails is retried by the outbox and sends the same message again. The declaration does not move: the
 * inventory list stays RELEASED.
 */
@Singleton
@Requires(beans = MessageSending.class)
class ReturnDeclaration implements OutboxListener {

    private final ReturnRequestPreparation preparation;
    private final MessageSending sending;
    private final ReturnClearances returns;

    ReturnDeclaration(ReturnRequestPreparation preparation, MessageSending sending, ReturnClearances returns) {
        this.preparation = preparation;
        this.sending = sending;
        this.returns = returns;
    }

    @Override
    public String name() {
        return "customs.declare-return";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(ReturnApproved.TYPE);
    }

    @Override
    public void on(DeliveredEvent event) {
        ReturnApproved approved = event.payloadAs(ReturnApproved.class);
        DeclarationMessage request = preparation.prepare(approved);
        sending.transmit(request);
        TenantContext.callAs(approved.tenant(), () -> returns.declared(approved.returnNo()));
    }
}
