package io.vitrine.customs.tax;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.customs.messages.TaxHeadRd;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;

/**
 * A CEB816 tax bill as recorded: its head's figures, and the tenant and order its inventory list belongs to — both
 * null when no receipt of ours ever carried that {@code invtNo} (a bill "with no order").
 *
 * @param messageGuid the CEB816 message (or receipt file) it arrived in
 * @param status      1 generated, 2 summarised, 3 void ({@link TaxHeadRd})
 */
public record RecordedTaxBill(String taxNo, String billGuid, String messageGuid, @Nullable TenantId tenant,
                              @Nullable String orderNo, String invtNo, @Nullable String ebcCode, Money customsTax,
                              Money valueAddedTax, Money consumptionTax, String status, Instant returnTime,
                              Instant receivedAt, Instant updatedAt) {

    /** What customs charges on this bill: tariff + VAT + consumption tax. */
    public Money billed() {
        return customsTax.plus(valueAddedTax).plus(consumptionTax);
    }

    public boolean isVoid() {
        return TaxHeadRd.VOID.equals(status);
    }
}
