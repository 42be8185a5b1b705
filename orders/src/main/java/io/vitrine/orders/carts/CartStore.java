package io.vitrine.orders.carts;

import io.micronaut.json.JsonMapper;
import io.vitrine.kernel.cache.KeyValueCache;
import io.vitrine.kernel.cache.ScopedKey;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Carts in the kernel's {@link KeyValueCache}, one JSON entry per cart under the tenant's scope
 * ({@code <prefix>:<tenant>:cart:{<cartId>}:kv} in Redis: the cart id is the hash tag, so carts spread over a
 * Redis Cluster). Another tenant's cart is simply not there. A change reads the entry, applies the change and
 * writes it back only if the entry is still the one read ({@link KeyValueCache#replace}); otherwise it reads
 * again and reapplies the change, so two requests changing one cart at once keep both changes.
 */
@Singleton
public class CartStore {

    static final String NAMESPACE = "cart";
    /** 32 random bytes in base64url ({@code BearerToken}): anything else is no cart. */
    private static final Pattern CART_ID = Pattern.compile("[A-Za-z0-9_-]{43}");
    /** Each retry means another writer succeeded; this many in a row means a client hammering one cart. */
    private static final int MAX_ATTEMPTS = 32;

    private final KeyValueCache cache;
    private final JsonMapper json;

    public CartStore(KeyValueCache cache, JsonMapper json) {
        this.cache = cache;
        this.json = json;
    }

    /** Stores a new cart; its id is random, so it is never taken. */
    public void create(TenantId tenant, Cart cart, Duration ttl) {
        if (!cache.putIfAbsent(key(tenant, cart.id()), encode(cart), ttl)) {
            throw new IllegalStateException("a new cart id was already taken");
        }
    }

    /** Deletes the cart (it became an order); nothing happens when it is gone already. */
    public void delete(TenantId tenant, String cartId) {
        if (isCartId(cartId)) {
            cache.evict(key(tenant, cartId));
        }
    }

    public Optional<Cart> find(TenantId tenant, String cartId) {
        if (!isCartId(cartId)) {
            return Optional.empty();
        }
        return cache.get(key(tenant, cartId)).map(this::decode);
    }

    /**
     * Applies {@code change} to the stored cart and keeps the result for {@code ttl} from now. The change may
     * run more than once (once per concurrent writer it lost to) and must depend on nothing but the cart; an
     * exception it throws leaves the cart as it was.
     *
     * @throws NotFoundException no such cart in this tenant (or it expired)
     * @throws ConflictException the cart kept changing under this change {@value #MAX_ATTEMPTS} times in a row
     */
    public Cart change(TenantId tenant, String cartId, UnaryOperator<Cart> change, Duration ttl) {
        if (!isCartId(cartId)) {
            throw notFound();
        }
        ScopedKey key = key(tenant, cartId);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            byte[] stored = cache.get(key).orElseThrow(CartStore::notFound);
            Cart changed = change.apply(decode(stored));
            if (cache.replace(key, stored, encode(changed), ttl)) {
                return changed;
            }
        }
        throw new ConflictException("the cart is being changed by other requests; try again");
    }

    public static NotFoundException notFound() {
        return new NotFoundException("no such cart (carts expire after a while without changes)");
    }

    private static boolean isCartId(String cartId) {
        return cartId != null && CART_ID.matcher(cartId).matches();
    }

    private static ScopedKey key(TenantId tenant, String cartId) {
        return ScopedKey.of(tenant, NAMESPACE, cartId);
    }

    private byte[] encode(Cart cart) {
        try {
            return json.writeValueAsBytes(cart);
        } catch (IOException e) {
            throw new UncheckedIOException("cart " + cart.id() + " could not be written as JSON", e);
        }
    }

    private Cart decode(byte[] stored) {
        try {
            return json.readValue(stored, Cart.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored cart could not be read", e);
        }
    }
}
