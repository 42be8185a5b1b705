package io.vitrine.customs.declaration;

import io.micronaut.context.annotation.Value;
import io.vitrine.orders.ordering.DeclarationParticulars;
import io.vitrine.orders.ordering.DeclarationParticulars.Particulars;
import io.vitrine.orders.payment.CustomsDeclarationRequest;
import io.vitrine.tenants.settings.Settings;
import io.vitrine.tenants.settings.TenantSettings;
import jakarta.inject.Singleton;

/**
 * Builds, in the current tenant, the payment leg's {@code alipay.trade.customs.declare} request of an order: the
 * Alipay trade number of its payment and the amount paid (what the CEB311's acturalPaid says), the buyer's name and
 * ID number unsealed through orders' {@link DeclarationParticulars} (Alipay checks them against the payer), the
 * seller's customs code and name from the tenant's {@code customs{ebcCode, ebcName}} settings — the CEB311's ebc —,
 * and the customs office from {@code vitrine.customs.payment-company.customs-place} (default {@code ZONGSHU}):
 * a platform setting, not a tenant's, because the pilot zone declares every order to the same customs.
 */
@Singleton
class PaymentLegRequests {

    private final DeclarationParticulars particulars;
    private final Settings settings;
    private final String customsPlace;

    PaymentLegRequests(DeclarationParticulars particulars, Settings settings,
                       @Value("${vitrine.customs.payment-company.customs-place:ZONGSHU}") String customsPlace) {
        this.particulars = particulars;
        this.settings = settings;
        this.customsPlace = customsPlace;
    }

    /** @throws IllegalStateException when the tenant has no customs codes or the order no payment or buyer */
    CustomsDeclarationRequest request(String orderNo, String outRequestNo) {
        TenantSettings tenant = settings.current();
        if (tenant.customsEbcCode() == null || tenant.customsEbcName() == null) {
            throw new IllegalStateException("the tenant has no customs settings (customs.ebcCode, customs.ebcName): "
                    + "the payment of " + orderNo + " cannot be declared yet");
        }
        Particulars p = particulars.of(orderNo);
        if (p.buyer() == null || p.order().tradeNo() == null || p.order().paidAmount() == null) {
            throw new IllegalStateException("order " + orderNo + " has no buyer identity or no payment to declare");
        }
        return new CustomsDeclarationRequest(outRequestNo, p.order().tradeNo(), tenant.customsEbcCode(),
                tenant.customsEbcName(), p.order().paidAmount(), customsPlace,
                new CustomsDeclarationRequest.Buyer(p.buyer().name(), p.buyer().idNumber()), false, null);
    }
}
