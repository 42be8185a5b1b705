package io.vitrine.customs.declaration;

import io.vitrine.customs.messages.CebMessage;
import io.vitrine.customs.messages.CebWriter;
import io.vitrine.kernel.privacy.PersonalDataCipher;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * A built CEB message as the declaration keeps it before sending: written, sealed (it carries the buyer's
 * identity), its guid and file name fixed — the one way the order leg, its corrections and the cancellation store
 * what they are about to send, so a retry of the handoff sends the very same file.
 */
@Singleton
class UnsentMessages {

    private final PersonalDataCipher cipher;
    private final Clock clock;

    UnsentMessages(PersonalDataCipher cipher, Clock clock) {
        this.cipher = cipher;
        this.clock = clock;
    }

    DeclarationMessage of(TenantId tenant, String orderNo, CebMessage<?> message, String appType) {
        byte[] xml = new CebWriter().write(message);
        return new DeclarationMessage(message.guid(), tenant, orderNo, message.type().code(), appType,
                cipher.encrypt(new String(xml, StandardCharsets.UTF_8)), false,
                message.type().rootElement() + "_" + message.guid() + ".xml",
                clock.instant().truncatedTo(ChronoUnit.MICROS), null, 0);
    }
}
