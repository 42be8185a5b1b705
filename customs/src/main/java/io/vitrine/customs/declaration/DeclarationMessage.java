package io.vitrine.customs.declaration;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;

/**
 * A message sent (or about to be) for a declaration. Its guid and file name are fixed when it is stored, before
 * it is sent: every retry sends the same message under the same name.
 *
 * @param xmlSealed the XML as kernel {@code PersonalDataCipher} text: unsigned until sent, then exactly as signed
 * @param signed    whether {@code xmlSealed} holds the signed XML (the message was handed off)
 */
public record DeclarationMessage(String guid, TenantId tenant, String orderNo, String messageType, String appType,
                                 String xmlSealed, boolean signed, String fileName, Instant createdAt,
                                 @Nullable Instant sentAt, int attempts) {

    @Override
    public String toString() {
        return "DeclarationMessage[" + messageType + " " + guid + " " + orderNo + "]";
    }
}
