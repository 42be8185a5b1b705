package io.vitrine.customs.declaration;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;

/**
 * A receipt as recorded, once: {@code receiptGuid} is the receipt's own id, {@code messageGuid} the message it
 * answers; {@code invtNo} the inventory list number customs gave, when the receipt carries one (how a CEB816 tax
 * bill, which names only the list, finds its order).
 */
public record RecordedReceipt(String receiptGuid, TenantId tenant, String messageGuid, String orderNo,
                              int returnStatus, Instant returnTime, @Nullable String returnInfo, Instant receivedAt,
                              @Nullable String invtNo) {

    public RecordedReceipt(String receiptGuid, TenantId tenant, String messageGuid, String orderNo, int returnStatus,
                           Instant returnTime, @Nullable String returnInfo, Instant receivedAt) {
        this(receiptGuid, tenant, messageGuid, orderNo, returnStatus, returnTime, returnInfo, receivedAt, null);
    }
}
