package io.vitrine.orders.carts;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.BearerToken;
import io.vitrine.tenants.stores.Store;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The shopper's cart in the current tenant (the storefront's {@code /s/{tenant}}): created for one of the shop's
 * stores, read and changed by its id, which is a random bearer value (whoever holds it holds the cart; another
 * tenant's id is not found). Every change keeps the cart {@code vitrine.orders.carts.ttl} (2h) longer; an
 * untouched cart expires. Every answer is priced live ({@link CartPricing}). Bad input changes nothing.
 */
@Singleton
public class Carts {

    private final CartStore store;
    private final CartPricing pricing;
    private final CartCatalog catalog;
    private final CurrentTenant currentTenant;
    private final Clock clock;
    private final Duration ttl;

    @Inject
    Carts(CartStore store, CartPricing pricing, CartCatalog catalog, CurrentTenant currentTenant, Clock clock,
          @Value("${vitrine.orders.carts.ttl:2h}") Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("vitrine.orders.carts.ttl must be positive");
        }
        this.store = store;
        this.pricing = pricing;
        this.catalog = catalog;
        this.currentTenant = currentTenant;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** A new, empty cart for one of the shop's stores ({@code storeCode}: REQUIRED, UNKNOWN_STORE). */
    public PricedCart create(@Nullable String storeCode) {
        Store shop = catalog.store(storeCode);
        Instant now = clock.instant();
        Cart cart = Cart.empty(BearerToken.generate(), shop.code(), now, now.plus(ttl));
        store.create(tenant(), cart, ttl);
        return pricing.price(cart);
    }

    public PricedCart get(String cartId) {
        return pricing.price(store.find(tenant(), cartId).orElseThrow(CartStore::notFound));
    }

    /**
     * Sets the quantity of a SKU: 0 removes its line (also of a product that no longer exists), 1-99 adds or
     * changes it. Checked before anything changes: {@code qty} REQUIRED, WHOLE_NUMBER, QUANTITY_RANGE; a SKU that
     * is no product of the shop 422 UNKNOWN_PRODUCT; one the cart's store does not sell 422 NOT_IN_ASSORTMENT; a
     * 51st line 400 {@code sku} TOO_MANY_LINES. Another tenant's or an expired cart: 404.
     */
    public PricedCart setQuantity(String cartId, String sku, @Nullable BigDecimal qty) {
        int quantity = quantity(qty);
        TenantId tenant = tenant();
        Cart current = store.find(tenant, cartId).orElseThrow(CartStore::notFound);
        if (quantity > 0) {
            catalog.requireSellable(current.storeCode(), sku);
        }
        Cart changed = store.change(tenant, cartId,
                cart -> cart.withQuantity(sku, quantity, clock.instant().plus(ttl)), ttl);
        return pricing.price(changed);
    }

    /** Removes the SKU's line (nothing happens when the cart has none). */
    public PricedCart remove(String cartId, String sku) {
        return setQuantity(cartId, sku, BigDecimal.ZERO);
    }

    private static int quantity(@Nullable BigDecimal qty) {
        FieldChecks checks = new FieldChecks();
        if (qty == null) {
            checks.fail("qty", "REQUIRED", "is required");
        } else if (qty.stripTrailingZeros().scale() > 0) {
            checks.fail("qty", "WHOLE_NUMBER", "whole units");
        } else if (qty.signum() < 0 || qty.compareTo(BigDecimal.valueOf(Cart.MAX_QUANTITY)) > 0) {
            checks.fail("qty", "QUANTITY_RANGE", "from 0 (removes the line) to " + Cart.MAX_QUANTITY);
        }
        checks.throwIfAny();
        return qty.intValueExact();
    }

    private TenantId tenant() {
        return currentTenant.require();
    }
}
