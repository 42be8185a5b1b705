package io.vitrine.customs.declaration;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Hands a stored CEB311 — the first (appType 1) or a correction (appType 2) — off through {@link MessageSending}:
 * signed, sent under its own guid and file name, the signed XML kept, the order leg DECLARING (from PENDING, or from
 * REJECTED for a correction) and orders told (DECLARING). A message already recorded as sent is not sent again.
 */
@Singleton
@Requires(beans = MessageSending.class)
class OrderLegSending {

    private final MessageSending sending;

    OrderLegSending(MessageSending sending) {
        this.sending = sending;
    }

    public void send(DeclarationMessage message) {
        sending.send(message);
    }
}
