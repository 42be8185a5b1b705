package io.vitrine.customs.declaration;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;

/**
 * A receipt as recorded, once: {@code receiptGuid} is the receipt's own id, {@code messageGuid} the message it
 * answers; {@code preNo} and {@code invtNo} are customs' numbers of an inventory list (CEB622), kept so a
 * cancellation (CEB623) can name it and a CEB816 tax bill, which names only the list, finds its order.
 */
public record RecordedReceipt(String receiptGuid, TenantId tenant, String messageGuid, String orderNo,
                              int returnStatus, Instant returnTime, @Nullable String returnInfo, Instant receivedAt,
                              @Nullable String preNo, @Nullable String invtNo) {

    public RecordedReceipt(String receiptGuid, TenantId tenant, String messageGuid, String orderNo, int returnStatus,
                           Instant returnTime, @Nullable String returnInfo, Instant receivedAt) {
        this(receiptGuid, tenant, messageGuid, orderNo, returnStatus, returnTime, returnInfo, receivedAt, null, null);
    }

    /** 100 or a negative status: customs refused the message. */
    public boolean refused() {
        return returnStatus < 0 || returnStatus == 100;
    }
}
