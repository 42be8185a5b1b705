package io.vitrine.oversight.risk;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;

/**
 * What the rules know of a paid order: its blind indexes (never the personal data), its transaction price and its
 * store, and the park ({@code scope}) whose rules apply.
 */
public record ScreenedOrder(String orderNo, TenantId tenant, TenantId scope, String storeCode,
                            @Nullable String buyerIdIndex, @Nullable String consigneePhoneIndex,
                            @Nullable String consigneeAddressIndex, long priceFen, Instant paidAt) {

    @Override
    public String toString() {
        return "ScreenedOrder[" + orderNo + "]";
    }
}
