package io.vitrine.api.orders;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.orders.ordering.PlaceOrder;

/**
 * Where the parcel goes, as the storefront and the counter POS send it (api.md "consignee"); every field may be
 * missing, the checkout rules name what is wrong. Never written out whole (personal data).
 */
@Serdeable
public record ConsigneeForm(@Nullable String name, @Nullable String phone, @Nullable String districtCode,
                            @Nullable String address) {

    /** The order's consignee, or null when the request had none (a rule refuses that by its field). */
    public static PlaceOrder.@Nullable Consignee toConsignee(@Nullable ConsigneeForm form) {
        return form == null ? null
                : new PlaceOrder.Consignee(form.name(), form.phone(), form.districtCode(), form.address());
    }

    @Override
    public String toString() {
        return "ConsigneeForm[masked]";
    }
}
