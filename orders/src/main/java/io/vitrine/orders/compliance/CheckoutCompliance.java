package io.vitrine.orders.compliance;

import io.vitrine.catalog.products.TradeMode;
import io.vitrine.kernel.codes.ResidentIdNumber;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tax.CrossBorderTax;
import io.vitrine.orders.pricing.LineToPrice;
import io.vitrine.orders.pricing.PriceBreakdown;
import io.vitrine.orders.pricing.Pricing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks one checkout against every cross-border retail import rule (domain.md; issue #5 "Carts and orders") and
 * prices the tax. Pure: it reads only the {@link CheckoutFacts}, so the same facts always get the same answer.
 *
 * <p>Which rules apply: a cart of GENERAL (duty-paid) goods skips consent, identity, positive list and the limits
 * (nothing is declared); any cross-border line brings them all. Every refusal that applies is listed, ordered as
 * {@link ComplianceRule} is declared; the response's code is the first's.
 *
 * <p>Tax: each line's dutiable value is its goods value plus its share of freight and insurance, by value
 * ({@link CrossBorderTax#dutiableValues}); each line is taxed on its own and rounded half-up to the fen; the order's
 * tax is the sum. Within the limits at 70% ({@link CrossBorderTax#withinLimits}); the single-item exception in full
 * ({@link CrossBorderTax#generalTrade}). The amounts come from {@link Pricing}, the one computation carts use too.
 *
 * <p>The annual limit here is checked against the ledger's figure the caller read: it refuses early with every
 * other refusal. The ledger's own reservation ({@code AnnualQuotas.reserve}) is what holds under concurrency.
 */
public final class CheckoutCompliance {

    private CheckoutCompliance() {
    }

    public static CheckoutDecision check(CheckoutFacts facts) {
        List<Refusal> refusals = new ArrayList<>();
        boolean crossBorder = facts.isCrossBorder();
        boolean singleItemException = false;
        if (crossBorder) {
            if (!facts.consent()) {
                refusals.add(Refusal.of(ComplianceRule.CONSENT_REQUIRED));
            }
            refusals.addAll(BuyerIdentity.check(facts.buyer(), facts.orderedAt()));
            facts.lines().stream()
                    .filter(line -> line.tradeMode().isCrossBorderRetail() && !line.onPositiveList())
                    .forEach(line -> refusals.add(Refusal.ofSku(ComplianceRule.NOT_ON_POSITIVE_LIST, line.sku())));
        }
        if (facts.lines().stream().map(CheckoutFacts.Line::tradeMode).distinct().count() > 1) {
            refusals.add(Refusal.of(ComplianceRule.MIXED_TRADE_MODES));
        }
        if (facts.lines().stream().map(CheckoutFacts.Line::warehouseCode).distinct().count() > 1) {
            refusals.add(Refusal.of(ComplianceRule.MIXED_WAREHOUSES));
        }
        if (crossBorder) {
            Money price = facts.transactionPrice();
            if (price.isGreaterThan(CrossBorderLimits.SINGLE_TRANSACTION)) {
                singleItemException = isSingleIndivisibleItem(facts);
                if (!singleItemException) {
                    refusals.add(Refusal.ofAmount(ComplianceRule.SINGLE_LIMIT_EXCEEDED, price));
                }
            }
            if (facts.yearToDate().plus(price).isGreaterThan(CrossBorderLimits.ANNUAL)) {
                Money left = CrossBorderLimits.ANNUAL.minus(facts.yearToDate()).max(Money.ZERO);
                refusals.add(Refusal.ofAmount(ComplianceRule.ANNUAL_LIMIT_EXCEEDED, left));
            }
        }
        facts.lines().stream()
                .filter(line -> !line.inStock())
                .forEach(line -> refusals.add(Refusal.ofSku(ComplianceRule.OUT_OF_STOCK, line.sku())));
        if (!refusals.isEmpty()) {
            // in ComplianceRule order (all refusals here are its), stable: lines keep their cart order
            refusals.sort(Comparator.comparingInt(refusal -> ((ComplianceRule) refusal.rule()).ordinal()));
            return new CheckoutDecision.Refused(refusals);
        }
        Taxation taxation = !crossBorder ? Taxation.DUTY_PAID
                : singleItemException ? Taxation.GENERAL_TRADE_SINGLE_ITEM : Taxation.WITHIN_LIMITS;
        return new CheckoutDecision.Accepted(accept(facts, taxation));
    }

    /**
     * The single-item exception (domain.md): the order holds exactly one unit of one indivisible product, and that
     * product has an MFN tariff rate to be taxed in full with.
     */
    private static boolean isSingleIndivisibleItem(CheckoutFacts facts) {
        return facts.lines().size() == 1
                && facts.lines().get(0).quantity() == 1
                && CrossBorderTax.allowsGeneralTrade(facts.lines().get(0).rates());
    }

    private static AcceptedCheckout accept(CheckoutFacts facts, Taxation taxation) {
        List<CheckoutFacts.Line> lines = facts.lines();
        List<LineToPrice> toPrice = lines.stream().map(line -> new LineToPrice(line.sku(),
                Math.toIntExact(line.quantity()), line.unitPrice(), line.rates(), line.tradeMode())).toList();
        PriceBreakdown price = Pricing.price(toPrice, facts.freight(), facts.insurance(), facts.discount(),
                taxation == Taxation.GENERAL_TRADE_SINGLE_ITEM ? Pricing.LineTax.GENERAL_TRADE
                        : Pricing.LineTax.WITHIN_LIMITS);
        List<AcceptedCheckout.TaxedLine> taxed = price.lines().stream().map(line -> new AcceptedCheckout.TaxedLine(
                line.line().sku(), line.line().quantity(), line.line().unitPrice(), line.value(), line.dutiableValue(),
                line.tax())).toList();
        CheckoutAmounts amounts = new CheckoutAmounts(price.goodsValue(), price.freight(), price.insurance(),
                price.discount(), price.tax(), price.total());
        ResidentIdNumber buyerId = taxation.isDeclared()
                ? BuyerIdentity.idNumber(facts.buyer().idNumber(), facts.orderedAt()).orElseThrow()
                : null;
        Money quota = taxation.isDeclared() ? facts.transactionPrice() : Money.ZERO;
        TradeMode mode = lines.get(0).tradeMode();
        return new AcceptedCheckout(mode, lines.get(0).warehouseCode(), taxation, taxed, amounts, buyerId, quota);
    }
}
