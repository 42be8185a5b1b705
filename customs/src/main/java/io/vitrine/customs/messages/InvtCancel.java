package io.vitrine.customs.messages;

import io.micronaut.core.annotation.Nullable;

/**
 * CEB623 {@code InvtCancel}: asks customs to cancel (撤销) an inventory list it has registered ({@code invtNo}),
 * e.g. an order cancelled after declaration and before release. No lines.
 */
public record InvtCancel(AppHead app, String customsCode, String orderNo, Party ebp, Party ebc, String logisticsNo,
                         Party logistics, String copNo, @Nullable String preNo, String invtNo, String buyerIdType,
                         String buyerIdNumber, String buyerName, String buyerTelephone, Party agent, String reason,
                         @Nullable String note) {

    @Override
    public String toString() {
        return "InvtCancel[guid=" + app.guid() + ", orderNo=" + orderNo + ", invtNo=" + invtNo + "]";
    }
}
