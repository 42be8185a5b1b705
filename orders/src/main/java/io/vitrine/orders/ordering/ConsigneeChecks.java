package io.vitrine.orders.ordering;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.codes.DistrictCode;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.privacy.PersonalDataKind;

import java.util.regex.Pattern;

/**
 * The one check of a consignee's fields, for placing an order and for correcting it after customs refused it: a
 * name (≤ 50), a mainland mobile number, a 6-digit GB/T 2260 district code and an address (≤ 200). Errors are named
 * {@code consignee.<field>} with their rule.
 */
final class ConsigneeChecks {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private ConsigneeChecks() {
    }

    /** The consignee's fields, or null when none was given or when anything in {@code checks} failed. */
    @Nullable
    static PersonalDataSeal.ValidConsignee check(@Nullable PlaceOrder.Consignee typed, FieldChecks checks) {
        if (typed == null) {
            return null;
        }
        String name = checks.text("consignee.name", typed.name(), 50);
        String phone = typed.phone() == null ? null : PersonalDataKind.PHONE.normalise(typed.phone());
        if (phone == null || phone.isEmpty()) {
            checks.fail("consignee.phone", "REQUIRED", "is required");
        } else if (!MOBILE.matcher(phone).matches()) {
            checks.fail("consignee.phone", "MOBILE_NUMBER", "a mainland mobile number, 11 digits from 13");
        }
        String district = typed.districtCode();
        if (district == null || district.isBlank()) {
            checks.fail("consignee.districtCode", "REQUIRED", "is required");
        } else if (!DistrictCode.isValid(district.strip())) {
            checks.fail("consignee.districtCode", "DISTRICT_CODE", "a 6-digit GB/T 2260 district code");
        }
        String address = checks.text("consignee.address", typed.address(), 200);
        if (checks.hasErrors()) {
            return null;
        }
        return new PersonalDataSeal.ValidConsignee(name, phone, district.strip(), address);
    }
}
