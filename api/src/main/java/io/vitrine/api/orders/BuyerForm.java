package io.vitrine.api.orders;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.orders.compliance.CheckoutFacts;

/**
 * The order buyer's identity as the storefront and the counter POS send it (api.md "buyer"): every field may be
 * missing, the checkout rules name what is wrong. Never written out whole (the ID number is personal data).
 */
@Serdeable
public record BuyerForm(@Nullable String name, @Nullable String idNumber, @Nullable String phone) {

    /** The checkout's buyer, or null when the request had none (a rule refuses that by its field). */
    public static @Nullable CheckoutFacts.Buyer toBuyer(@Nullable BuyerForm form) {
        return form == null ? null : new CheckoutFacts.Buyer(form.name(), form.idNumber(), form.phone());
    }

    @Override
    public String toString() {
        return "BuyerForm[masked]";
    }
}
