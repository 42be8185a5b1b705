package io.vitrine.customs.messages;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.money.Money;

/**
 * CEB311 {@code OrderHead}: the order as the platform declares it. {@code acturalPaid} (sic, the standard's
 * spelling) = goodsValue + freight + taxTotal − discount, and equals the payment's amount (CEB411 amountPaid).
 * {@code consigneeDistrict} is written {@code consigneeDitrict} (the spelling of most implementations): the consignee's
 * 6-digit GB/T 2260 district code. {@code payCompany} is the payment company (payCode, payName).
 */
public record OrderHead(AppHead app, String orderType, String orderNo, Party ebp, Party ebc, Money goodsValue,
                        Money freight, Money discount, Money taxTotal, Money acturalPaid, String currency,
                        String buyerRegNo, String buyerName, String buyerTelephone, String buyerIdType,
                        String buyerIdNumber, Party payCompany, String payTransactionId,
                        @Nullable String batchNumbers, String consignee, String consigneeTelephone,
                        String consigneeAddress, String consigneeDistrict, @Nullable String note) {

    /** {@code I}: an import order. */
    public static final String IMPORT = "I";
    /** buyerIdType 1: a resident identity card. */
    public static final String ID_CARD = "1";

    @Override
    public String toString() {
        return "OrderHead[guid=" + app.guid() + ", orderNo=" + orderNo + ", acturalPaid=" + acturalPaid + "]";
    }
}
