package io.vitrine.customs.declaration;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.orders.ordering.PlaceOrder;

/**
 * What staff correct before a rejected declaration is sent again (api.md {@code POST …/resubmit}): the consignee
 * only — name, phone, district and address are what customs' rejections usually name and the shop can fix. The
 * buyer is not correctable (checked against the payer with the payment); the lines are not either: a resubmission
 * declares the order's own snapshot (see {@link DeclarationResubmission}).
 *
 * @param consignee the whole corrected consignee, or null to send the declaration again unchanged
 * @param note      why, for the order's timeline (≤ 200)
 */
public record Correction(@Nullable PlaceOrder.Consignee consignee, @Nullable String note) {

    public static final Correction NONE = new Correction(null, null);
}
