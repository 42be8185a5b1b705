package io.vitrine.customs.declaration;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;

/**
 * A receipt as recorded, once: {@code receiptGuid} is the receipt's own id, {@code messageGuid} the message it
 * answers.
 */
public record RecordedReceipt(String receiptGuid, TenantId tenant, String messageGuid, String orderNo,
                              int returnStatus, Instant returnTime, @Nullable String returnInfo, Instant receivedAt) {
}
