package io.vitrine.orders.compliance;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.catalog.products.TradeMode;
import io.vitrine.kernel.codes.ResidentIdNumber;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tax.ImportTax;

import java.util.List;

/**
 * A checkout that passed the rules: its one trade mode and warehouse, each line's tax on its dutiable value, the
 * order's amounts, and what it counts toward the buyer's annual limit.
 *
 * @param buyerId     the validated ID number (declared checkouts), null for duty-paid ones
 * @param quotaAmount what the annual quota ledger reserves for this order: the transaction price for a declared
 *                    checkout, zero for a duty-paid one
 */
public record AcceptedCheckout(TradeMode tradeMode, String warehouseCode, Taxation taxation, List<TaxedLine> lines,
                               CheckoutAmounts amounts, @Nullable ResidentIdNumber buyerId, Money quotaAmount) {

    public AcceptedCheckout {
        lines = List.copyOf(lines);
    }

    /**
     * One line with its tax.
     *
     * @param goodsValue    unit price × quantity
     * @param dutiableValue the goods value plus the line's share of freight and insurance, by value
     * @param tax           the tax on the dutiable value, each part rounded half-up to the fen
     */
    public record TaxedLine(String sku, long quantity, Money unitPrice, Money goodsValue, Money dutiableValue,
                            ImportTax tax) {
    }
}
