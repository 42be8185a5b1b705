package io.vitrine.customs.declaration;

import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.customs.exchange.MessageHandoff;
import io.vitrine.orders.ordering.Clearances;
import jakarta.inject.Singleton;

/**
 * Hands a stored CEB311 — the first (appType 1) or a correction (appType 2) — off through {@link MessageSending}
 * and, in the caller's transaction (or its own), moves the order leg to DECLARING (from PENDING, or from REJECTED for a
 * correction) and tells orders (DECLARING). A message already recorded as sent is not sent again.
 */
@Singleton
@Requires(beans = MessageHandoff.class)
class OrderLegSending {

    private final MessageSending sending;
    private final DeclarationStore store;
    private final Clearances clearances;

    OrderLegSending(MessageSending sending, DeclarationStore store, Clearances clearances) {
        this.sending = sending;
        this.store = store;
        this.clearances = clearances;
    }

    @Transactional
    public void send(DeclarationMessage message) {
        sending.send(message).ifPresent(now -> {
            store.lock(message.tenant(), message.orderNo())
                    .flatMap(d -> d.after(Leg.ORDER, DeclarationStatus.DECLARING, null, now))
                    .ifPresent(store::update);
            clearances.declaring(message.orderNo());
        });
    }
}
