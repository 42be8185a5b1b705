package io.vitrine.customs.messages;

import io.micronaut.core.annotation.Nullable;

/**
 * CEB625 {@code InvtRefundHead}: a return request (退货申请单) for released goods of inventory list {@code invtNo},
 * within 30 days of release (domain.md "Returns").
 */
public record InvtRefundHead(AppHead app, String customsCode, String orderNo, Party ebp, Party ebc,
                             String logisticsNo, Party logistics, String copNo, @Nullable String preNo, String invtNo,
                             String buyerIdType, String buyerIdNumber, String buyerName, String buyerTelephone,
                             Party agent, String reason, @Nullable String note) {

    @Override
    public String toString() {
        return "InvtRefundHead[guid=" + app.guid() + ", orderNo=" + orderNo + ", invtNo=" + invtNo + "]";
    }
}
