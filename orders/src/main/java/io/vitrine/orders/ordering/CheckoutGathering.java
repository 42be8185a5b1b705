package io.vitrine.orders.ordering;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.catalog.assortment.StoreAssortments;
import io.vitrine.catalog.positivelist.PositiveListLookup;
import io.vitrine.catalog.products.Product;
import io.vitrine.catalog.products.ProductRepository;
import io.vitrine.kernel.codes.InvalidCodeException;
import io.vitrine.kernel.codes.ResidentIdNumber;
import io.vitrine.kernel.error.BusinessRuleException;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.orders.carts.Cart;
import io.vitrine.orders.compliance.CheckoutFacts;
import io.vitrine.orders.pricing.FreightPolicy;
import io.vitrine.orders.quota.AnnualQuotas;
import io.vitrine.tenants.settings.Settings;
import io.vitrine.tenants.settings.TenantSettings;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Gathers a checkout's facts in one read-only transaction and four statements whatever the cart's size: the cart's
 * products (one query), the store's assortment of them, the shop's freight policy, the buyer's standing in the
 * annual quota ledger. The positive list is the catalog's cached lookup. Stock is not read here: the reservation in
 * the order's transaction is what decides {@code OUT_OF_STOCK} (under the stock rows' locks), so the facts say
 * "in stock" and {@code Reservations.reserve} refuses with the same code.
 */
@Singleton
class CheckoutGathering {

    private final ProductRepository products;
    private final StoreAssortments assortments;
    private final PositiveListLookup positiveList;
    private final Settings settings;
    private final AnnualQuotas quotas;

    CheckoutGathering(ProductRepository products, StoreAssortments assortments, PositiveListLookup positiveList,
                      Settings settings, AnnualQuotas quotas) {
        this.products = products;
        this.assortments = assortments;
        this.positiveList = positiveList;
        this.settings = settings;
        this.quotas = quotas;
    }

    /** A cart's facts and the products they came from; 422 NOT_IN_ASSORTMENT when a line can no longer be bought. */
    @Transactional(readOnly = true)
    Gathered gather(Cart cart, @Nullable CheckoutFacts.Buyer buyer, boolean consent, Instant orderedAt) {
        if (cart.lines().isEmpty()) {
            throw new BusinessRuleException("EMPTY_CART", "The cart holds nothing to order.");
        }
        List<String> skus = cart.lines().stream().map(Cart.CartLine::sku).toList();
        Map<String, Product> found = products.findBySkuIn(skus).stream()
                .collect(Collectors.toMap(Product::sku, Function.identity()));
        Set<String> sold = assortments.assortedOf(cart.storeCode(), found.keySet());
        List<CheckoutFacts.Line> lines = new ArrayList<>();
        for (Cart.CartLine line : cart.lines()) {
            Product product = found.get(line.sku());
            if (product == null || !sold.contains(line.sku())) {
                throw new BusinessRuleException("NOT_IN_ASSORTMENT", "The store no longer sells " + line.sku()
                        + ": remove it from the cart.");
            }
            lines.add(new CheckoutFacts.Line(product.sku(), line.quantity(), product.price(), product.tradeMode(),
                    product.warehouseCode(), positiveList.isListed(product.hsCode()), product.taxRates(), true));
        }
        Money goods = Money.sum(lines.stream().map(CheckoutFacts.Line::goodsValue).toList());
        TenantSettings shop = settings.current();
        Money freight = FreightPolicy.of(shop.freightFlatFen(), shop.freightFreeAboveFen()).freightFor(goods);
        CheckoutFacts facts = new CheckoutFacts(lines, freight, Money.ZERO, Money.ZERO, buyer, consent,
                yearToDate(buyer, orderedAt, lines), orderedAt);
        return new Gathered(facts, found);
    }

    /** What the buyer already holds this year; zero for an invalid ID number (the rules refuse it anyway). */
    private Money yearToDate(@Nullable CheckoutFacts.Buyer buyer, Instant orderedAt, List<CheckoutFacts.Line> lines) {
        boolean crossBorder = lines.stream().anyMatch(line -> line.tradeMode().isCrossBorderRetail());
        if (!crossBorder || buyer == null || buyer.idNumber() == null) {
            return Money.ZERO;
        }
        try {
            ResidentIdNumber id = ResidentIdNumber.parse(buyer.idNumber(), Clock.fixed(orderedAt, ChinaTime.ZONE));
            return quotas.standing(id, ChinaTime.yearOf(orderedAt)).held();
        } catch (InvalidCodeException e) {
            return Money.ZERO;
        }
    }

    record Gathered(CheckoutFacts facts, Map<String, Product> products) {
    }
}
