package io.vitrine.orders.ordering;

import io.micronaut.core.annotation.Nullable;

/**
 * The buyer's and consignee's personal data as stored (architecture.md "Personal data"): each field kernel
 * {@code PersonalDataCipher} text, never plain; blind indexes ({@code BlindIndex}) for the ID number, phones and
 * address; the ID number's last six characters only as a blind index bound to the order number (the lookup's
 * proof). All null for a duty-paid order placed without identity; the consignee's for an order without one.
 */
public record SealedPersonalData(@Nullable String buyerName, @Nullable String buyerIdNumber,
                                 @Nullable String buyerPhone, @Nullable String buyerIdIndex,
                                 @Nullable String buyerIdLast6Index, @Nullable String buyerPhoneIndex,
                                 @Nullable String consigneeName, @Nullable String consigneePhone,
                                 @Nullable String consigneePhoneIndex, @Nullable String consigneeDistrictCode,
                                 @Nullable String consigneeAddress, @Nullable String consigneeAddressIndex) {

    @Override
    public String toString() {
        return "SealedPersonalData[sealed]";
    }
}
