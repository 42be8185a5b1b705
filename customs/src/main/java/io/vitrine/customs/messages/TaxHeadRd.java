package io.vitrine.customs.messages;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.money.Money;

import java.time.Instant;

/**
 * CEB816 {@code TaxHeadRd}: the electronic tax bill customs raises for an inventory list ({@code invtNo}): tariff,
 * VAT and consumption tax; {@code status} 1 generated, 2 summarised, 3 void.
 */
public record TaxHeadRd(String guid, Instant returnTime, String invtNo, String taxNo, Money customsTax,
                        Money valueAddedTax, Money consumptionTax, String status, @Nullable String entDutyNo,
                        @Nullable String note, @Nullable String assureCode, @Nullable String ebcCode,
                        @Nullable String logisticsCode, @Nullable String agentCode, @Nullable String customsCode) {

    public static final String GENERATED = "1";
    public static final String SUMMARISED = "2";
    public static final String VOID = "3";
}
