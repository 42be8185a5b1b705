package io.vitrine.customs.messages;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * A receipt (回执) customs or the e-port sends about one declared message: CEB312 {@code OrderReturn}, CEB622
 * {@code InventoryReturn}, CEB624 {@code InvtCancelReturn}, CEB626 {@code InvtRefundReturn}. {@code guid} is the
 * guid of the declaration it answers; the business keys present depend on the type (312: orderNo; the others:
 * copNo, preNo, invtNo). {@code returnStatus}: 1 stored … 120 accepted, 800 released, 899 closed; negative =
 * failed, with the reason in {@code returnInfo}.
 */
public record DeclarationReceipt(String guid, @Nullable String customsCode, @Nullable String ebpCode,
                                 @Nullable String ebcCode, @Nullable String agentCode, @Nullable String orderNo,
                                 @Nullable String copNo, @Nullable String preNo, @Nullable String invtNo,
                                 int returnStatus, Instant returnTime, @Nullable String returnInfo) {

    /** A negative status: the message failed a format or business check. */
    public boolean isFailure() {
        return returnStatus < 0;
    }
}
