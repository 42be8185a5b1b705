package io.vitrine.customs.declaration;

import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.customs.exchange.DxpMessage;
import io.vitrine.customs.exchange.MessageHandoff;
import io.vitrine.kernel.privacy.PersonalDataCipher;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Hands a stored message off (signed, wrapped, sent under its own guid and file name) and, in the caller's
 * transaction (or its own), keeps the signed XML sealed and counts the attempt. A message already recorded as sent is not sent
 * again. What the sending means for the declaration (a leg now DECLARING, orders told) is the caller's.
 */
@Singleton
@Requires(beans = MessageHandoff.class)
class MessageSending {

    private final MessageHandoff handoff;
    private final DeclarationStore store;
    private final DeclaringParties parties;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    MessageSending(MessageHandoff handoff, DeclarationStore store, DeclaringParties parties,
                   PersonalDataCipher cipher, Clock clock) {
        this.handoff = handoff;
        this.store = store;
        this.parties = parties;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** @return when it was sent now; empty when it had been sent before */
    @Transactional
    public Optional<Instant> send(DeclarationMessage message) {
        if (message.sentAt() != null) {
            return Optional.empty();
        }
        byte[] unsigned = cipher.decrypt(message.xmlSealed()).getBytes(StandardCharsets.UTF_8);
        DxpMessage sent = handoff.handOff(parties.route(), unsigned);
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        store.sent(message.tenant(), message.guid(), cipher.encrypt(new String(sent.data(), StandardCharsets.UTF_8)),
                now);
        return Optional.of(now);
    }
}
