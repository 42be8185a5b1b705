package io.vitrine.orders.carts;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.catalog.assortment.StoreAssortments;
import io.vitrine.catalog.products.Product;
import io.vitrine.catalog.products.ProductRepository;
import io.vitrine.kernel.money.Money;
import io.vitrine.orders.pricing.FreightPolicy;
import io.vitrine.orders.pricing.LineToPrice;
import io.vitrine.orders.pricing.PriceBreakdown;
import io.vitrine.orders.pricing.Pricing;
import io.vitrine.tenants.settings.Settings;
import io.vitrine.tenants.settings.TenantSettings;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Prices a stored cart from the current tenant's catalog, in one read-only transaction and two statements whatever
 * the cart's size: the cart's products as they are now (one query) and the store's assortment of them (the cart was
 * opened for one of the shop's stores, which is never removed, so the store needs no second look-up); the shop's
 * freight policy comes from the tenant's cached settings (none by default). Carts carry no insurance or discount
 * yet: both are 0 until a shop configures them.
 */
@Singleton
public class CartPricing {

    private final ProductRepository products;
    private final StoreAssortments assortments;
    private final Settings settings;

    CartPricing(ProductRepository products, StoreAssortments assortments, Settings settings) {
        this.products = products;
        this.assortments = assortments;
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    public PricedCart price(Cart cart) {
        if (cart.lines().isEmpty()) {
            return new PricedCart(cart, List.of(), PriceBreakdown.EMPTY);
        }
        List<String> skus = cart.lines().stream().map(Cart.CartLine::sku).toList();
        Map<String, Product> found = products.findBySkuIn(skus).stream()
                .collect(Collectors.toMap(Product::sku, Function.identity()));
        Set<String> shown = assortments.assortedOfKnownStore(cart.storeCode(), found.keySet());
        List<LineToPrice> buyable = new ArrayList<>();
        for (Cart.CartLine line : cart.lines()) {
            Product product = found.get(line.sku());
            if (product != null && shown.contains(line.sku())) {
                buyable.add(new LineToPrice(line.sku(), line.quantity(), product.price(), product.taxRates(),
                        product.tradeMode()));
            }
        }
        PriceBreakdown price = Pricing.price(buyable, freightPolicy(), Money.ZERO, Money.ZERO);
        List<PricedCart.Item> items = new ArrayList<>(cart.lines().size());
        int next = 0;
        for (Cart.CartLine line : cart.lines()) {
            Optional<Product> product = Optional.ofNullable(found.get(line.sku()));
            boolean available = product.isPresent() && shown.contains(line.sku());
            // priced lines come back in the order they went in: the cart's order, unavailable ones skipped
            items.add(new PricedCart.Item(line.sku(), product.map(Product::nameZh).orElse(null), line.quantity(),
                    product.map(Product::price).orElse(null), available ? price.lines().get(next++) : null));
        }
        return new PricedCart(cart, items, price);
    }

    private FreightPolicy freightPolicy() {
        TenantSettings current = settings.current();
        return FreightPolicy.of(current.freightFlatFen(), current.freightFreeAboveFen());
    }
}
