package io.vitrine.orders.ordering;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.catalog.assortment.StoreAssortments;
import io.vitrine.catalog.positivelist.PositiveListLookup;
import io.vitrine.catalog.products.Product;
import io.vitrine.catalog.products.ProductRepository;
import io.vitrine.kernel.money.Money;
import io.vitrine.orders.carts.Cart;
import io.vitrine.orders.compliance.CartRule;
import io.vitrine.orders.compliance.CheckoutFacts;
import io.vitrine.orders.compliance.CheckoutRefusedException;
import io.vitrine.orders.compliance.Refusal;
import io.vitrine.orders.pricing.FreightPolicy;
import io.vitrine.tenants.settings.Settings;
import io.vitrine.tenants.settings.TenantSettings;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Gathers a checkout's facts in one read-only transaction and two statements whatever the cart's size: the cart's
 * products (one query) and the store's assortment of them; the shop's freight policy comes from the tenant's cached
 * settings and the positive list from the catalog's cached lookup. Neither stock nor the buyer's annual quota is read
 * here: the order's transaction decides both under their rows' locks ({@code Reservations.reserve} refuses with
 * {@code OUT_OF_STOCK}, {@code AnnualQuotas.reserve} with {@code ANNUAL_LIMIT_EXCEEDED} and what is left), so a
 * read here would only repeat what the locked read decides. The facts therefore say "in stock" and carry a
 * year-to-date of zero: the compliance rules still refuse an order that alone passes the annual limit.
 */
@Singleton
class CheckoutGathering {

    private final ProductRepository products;
    private final StoreAssortments assortments;
    private final PositiveListLookup positiveList;
    private final Settings settings;

    CheckoutGathering(ProductRepository products, StoreAssortments assortments, PositiveListLookup positiveList,
                      Settings settings) {
        this.products = products;
        this.assortments = assortments;
        this.positiveList = positiveList;
        this.settings = settings;
    }

    /**
     * A cart's facts and the products they came from; 422 EMPTY_CART, or NOT_IN_ASSORTMENT naming every line that can
     * no longer be bought ({@link CartRule}, in the shopper's language).
     */
    @Transactional(readOnly = true)
    Gathered gather(Cart cart, @Nullable CheckoutFacts.Buyer buyer, boolean consent, Instant orderedAt) {
        if (cart.lines().isEmpty()) {
            throw CheckoutRefusedException.of(Refusal.of(CartRule.EMPTY_CART));
        }
        List<String> skus = cart.lines().stream().map(Cart.CartLine::sku).toList();
        Map<String, Product> found = products.findBySkuIn(skus).stream()
                .collect(Collectors.toMap(Product::sku, Function.identity()));
        Set<String> sold = assortments.assortedOfKnownStore(cart.storeCode(), found.keySet());
        List<CheckoutFacts.Line> lines = new ArrayList<>();
        List<Refusal> unsold = new ArrayList<>();
        for (Cart.CartLine line : cart.lines()) {
            Product product = found.get(line.sku());
            if (product == null || !sold.contains(line.sku())) {
                unsold.add(Refusal.ofSku(CartRule.NOT_IN_ASSORTMENT, line.sku()));
                continue;
            }
            lines.add(new CheckoutFacts.Line(product.sku(), line.quantity(), product.price(), product.tradeMode(),
                    product.warehouseCode(), positiveList.isListed(product.hsCode()), product.taxRates(), true));
        }
        if (!unsold.isEmpty()) {
            throw new CheckoutRefusedException(unsold);
        }
        Money goods = Money.sum(lines.stream().map(CheckoutFacts.Line::goodsValue).toList());
        TenantSettings shop = settings.current();
        Money freight = FreightPolicy.of(shop.freightFlatFen(), shop.freightFreeAboveFen()).freightFor(goods);
        CheckoutFacts facts = new CheckoutFacts(lines, freight, Money.ZERO, Money.ZERO, buyer, consent, Money.ZERO,
                orderedAt);
        return new Gathered(facts, found);
    }

    record Gathered(CheckoutFacts facts, Map<String, Product> products) {
    }
}
