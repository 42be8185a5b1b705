package io.vitrine.customs.declaration;

import io.micronaut.context.annotation.Requires;
import io.vitrine.customs.exchange.DxpMessage;
import io.vitrine.customs.exchange.MessageHandoff;
import io.vitrine.kernel.privacy.PersonalDataCipher;
import io.vitrine.orders.ordering.Clearances;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Hands a stored CEB311 off (signed, wrapped, sent under its own guid and file name) and, in the caller's
 * transaction, keeps the signed XML sealed, moves the order leg to DECLARING and tells orders (DECLARING). A message
 * already recorded as sent is not sent again.
 */
@Singleton
@Requires(beans = MessageHandoff.class)
class OrderLegSending {

    private final MessageHandoff handoff;
    private final DeclarationStore store;
    private final DeclaringParties parties;
    private final PersonalDataCipher cipher;
    private final Clearances clearances;
    private final Clock clock;

    OrderLegSending(MessageHandoff handoff, DeclarationStore store, DeclaringParties parties,
                    PersonalDataCipher cipher, Clearances clearances, Clock clock) {
        this.handoff = handoff;
        this.store = store;
        this.parties = parties;
        this.cipher = cipher;
        this.clearances = clearances;
        this.clock = clock;
    }

    void send(DeclarationMessage message) {
        if (message.sentAt() != null) {
            return;
        }
        byte[] unsigned = cipher.decrypt(message.xmlSealed()).getBytes(StandardCharsets.UTF_8);
        DxpMessage sent = handoff.handOff(parties.route(), unsigned);
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        store.sent(message.tenant(), message.guid(), cipher.encrypt(new String(sent.data(), StandardCharsets.UTF_8)),
                now);
        store.lock(message.tenant(), message.orderNo())
                .flatMap(d -> d.after(Leg.ORDER, DeclarationStatus.DECLARING, null, now))
                .ifPresent(store::update);
        clearances.declaring(message.orderNo());
    }
}
