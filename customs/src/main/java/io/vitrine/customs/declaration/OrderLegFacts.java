package io.vitrine.customs.declaration;

import io.vitrine.customs.messages.OrderFacts;
import io.vitrine.customs.messages.OrderSnapshots;
import io.vitrine.customs.messages.Party;
import io.vitrine.customs.messages.Submission;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.orders.ordering.DeclarationParticulars;
import io.vitrine.orders.ordering.DeclarationParticulars.Particulars;
import io.vitrine.tenants.settings.Settings;
import io.vitrine.tenants.settings.TenantSettings;
import jakarta.inject.Singleton;

/**
 * Gathers, in the current tenant, what an order's CEB311 is built from: the order's snapshot and its unsealed
 * buyer and consignee (orders' {@link DeclarationParticulars}), the seller from the tenant's customs settings, the
 * platform and payment company from configuration.
 */
@Singleton
class OrderLegFacts {

    static final String SETTINGS_MISSING = "CUSTOMS_SETTINGS_MISSING";

    private final DeclarationParticulars particulars;
    private final Settings settings;
    private final DeclaringParties parties;

    OrderLegFacts(DeclarationParticulars particulars, Settings settings, DeclaringParties parties) {
        this.particulars = particulars;
        this.settings = settings;
        this.parties = parties;
    }

    /** A new declaration (appType 1), transmitted by the platform. */
    Submission submission() {
        return Submission.declare(parties.baseTransfer());
    }

    /** A corrected declaration (appType 2) after customs refused the first. */
    Submission correction() {
        return Submission.correct(parties.baseTransfer());
    }

    Particulars particulars(String orderNo) {
        return particulars.of(orderNo);
    }

    /**
     * @throws ConflictException {@code CUSTOMS_SETTINGS_MISSING} when the tenant has no customs
     *         codes (a resubmission answers 409 with it; the outbox retries a first declaration until they are set)
     * @throws IllegalStateException when the order lacks buyer or consignee
     */
    OrderFacts facts(Particulars p) {
        TenantSettings tenant = settings.current();
        if (tenant.customsEbcCode() == null || tenant.customsEbcName() == null) {
            throw new ConflictException(SETTINGS_MISSING, "The shop has no customs "
                    + "settings (customs.ebcCode, customs.ebcName): " + p.order().orderNo() + " cannot be declared yet.");
        }
        if (p.buyer() == null || p.consignee() == null) {
            throw new IllegalStateException("order " + p.order().orderNo() + " has no buyer identity or consignee");
        }
        var buyer = new OrderFacts.Buyer(p.buyer().phone(), p.buyer().name(), p.buyer().idNumber(), p.buyer().phone());
        var consignee = new OrderFacts.Consignee(p.consignee().name(), p.consignee().phone(), p.consignee().address(),
                p.consignee().districtCode());
        var payment = new OrderFacts.PaymentLeg(parties.paymentCompany(), p.order().tradeNo(), p.order().paidAmount());
        return OrderSnapshots.facts(p.order(), p.lines(), parties.platform(),
                new Party(tenant.customsEbcCode(), tenant.customsEbcName()), buyer, consignee, payment);
    }
}
