package io.vitrine.customs.declaration;

import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.customs.exchange.DxpMessage;
import io.vitrine.customs.exchange.MessageHandoff;
import io.vitrine.kernel.privacy.PersonalDataCipher;
import io.vitrine.orders.ordering.Clearances;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Hands a stored message off (signed, wrapped, sent under its own guid and file name), under the declaration's row
 * lock so two deliveries take turns: a message already recorded as sent is not sent again. The attempt is counted
 * first in its own transaction ({@link SendAttempts}); then, in the caller's transaction, the signed XML is kept
 * sealed. {@link #send} is for a leg's own message (CEB311, CEB621, first or corrected): its leg moves to DECLARING and
 * orders hear DECLARING (a no-op for an order already declaring; a rejected one is declaring again after a
 * correction). {@link #transmit} only sends: what it means is the caller's (a CEB623 moves no leg).
 */
@Singleton
@Requires(beans = MessageHandoff.class)
class MessageSending {

    private final MessageHandoff handoff;
    private final DeclarationStore store;
    private final SendAttempts attempts;
    private final DeclaringParties parties;
    private final PersonalDataCipher cipher;
    private final Clearances clearances;
    private final Clock clock;

    MessageSending(MessageHandoff handoff, DeclarationStore store, SendAttempts attempts, DeclaringParties parties,
                   PersonalDataCipher cipher, Clearances clearances, Clock clock) {
        this.handoff = handoff;
        this.store = store;
        this.attempts = attempts;
        this.parties = parties;
        this.cipher = cipher;
        this.clearances = clearances;
        this.clock = clock;
    }

    /** A leg's message sent, its leg DECLARING, orders told. @return whether this call sent it (false: sent before) */
    @Transactional
    public boolean send(DeclarationMessage message) {
        Leg leg = Leg.of(message.messageType()).orElseThrow(() -> new IllegalArgumentException(
                "no leg sends " + message.messageType()));
        Optional<Instant> sent = transmit(message);
        sent.ifPresent(now -> {
            store.lock(message.tenant(), message.orderNo())
                    .flatMap(d -> d.after(leg, DeclarationStatus.DECLARING, null, now))
                    .ifPresent(store::update);
            clearances.declaring(message.orderNo());
        });
        return sent.isPresent();
    }

    /** The message sent and kept as signed, nothing else. @return when it was sent now; empty when sent before */
    @Transactional
    public Optional<Instant> transmit(DeclarationMessage message) {
        store.lock(message.tenant(), message.orderNo()).orElseThrow(() ->
                new IllegalStateException("no declaration for " + message.orderNo()));
        DeclarationMessage current = store.message(message.guid()).orElse(message);
        if (current.sentAt() != null) {
            return Optional.empty();
        }
        attempts.count(current.tenant(), current.guid());
        byte[] unsigned = cipher.decrypt(current.xmlSealed()).getBytes(StandardCharsets.UTF_8);
        DxpMessage sent = handoff.handOff(parties.route(), unsigned);
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        store.sent(current.tenant(), current.guid(), cipher.encrypt(new String(sent.data(), StandardCharsets.UTF_8)),
                now);
        return Optional.of(now);
    }
}
