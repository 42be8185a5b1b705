package io.vitrine.orders.carts;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.BearerToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the cart store must do on every cache backend: subclasses start a context on the in-process cache or on
 * Redis. Concurrency is real threads on one cart, released at once by a latch.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CartStoreContractTest {

    private static final Duration TTL = Duration.ofMinutes(5);

    protected ApplicationContext context;
    private CartStore store;
    private final TenantId shopA = TenantId.of("ca-" + UUID.randomUUID().toString().substring(0, 8));
    private final TenantId shopB = TenantId.of("cb-" + UUID.randomUUID().toString().substring(0, 8));

    protected abstract ApplicationContext startContext();

    @BeforeAll
    void start() {
        context = startContext();
        store = context.getBean(CartStore.class);
    }

    @AfterAll
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void a_cart_is_read_back_as_stored_and_changed_line_by_line() {
        Cart cart = newCart(shopA);

        assertThat(store.find(shopA, cart.id())).contains(cart);
        Cart one = store.change(shopA, cart.id(), c -> c.withQuantity("A2", 2, Instant.now().plus(TTL)), TTL);
        Cart two = store.change(shopA, cart.id(), c -> c.withQuantity("CREAM", 1, c.expiresAt()), TTL);
        Cart three = store.change(shopA, cart.id(), c -> c.withQuantity("A2", 5, c.expiresAt()), TTL);

        assertThat(one.version()).isEqualTo(1);
        assertThat(three.lines()).containsExactly(new Cart.CartLine("A2", 5), new Cart.CartLine("CREAM", 1));
        assertThat(store.find(shopA, cart.id())).contains(three);
        Cart removed = store.change(shopA, cart.id(), c -> c.withQuantity("A2", 0, c.expiresAt()), TTL);
        assertThat(removed.lines()).containsExactly(new Cart.CartLine("CREAM", 1));
        assertThat(two.version()).isLessThan(removed.version());
    }

    @Test
    void another_tenants_cart_and_a_malformed_id_are_not_found() {
        Cart cart = newCart(shopB);

        assertThat(store.find(shopA, cart.id())).isEmpty();
        assertThatThrownBy(() -> store.change(shopA, cart.id(), c -> c.withQuantity("X", 1, c.expiresAt()), TTL))
                .isInstanceOf(NotFoundException.class);
        assertThat(store.find(shopB, cart.id())).as("B's cart untouched").contains(cart);
        assertThat(store.find(shopA, "{not-an-id}")).isEmpty();
        assertThat(store.find(shopA, BearerToken.generate())).isEmpty();
    }

    @Test
    void a_refused_change_leaves_the_cart_as_it_was() {
        Cart cart = newCart(shopA);
        for (int i = 0; i < Cart.MAX_LINES; i++) {
            String sku = "SKU-" + i;
            store.change(shopA, cart.id(), c -> c.withQuantity(sku, 1, c.expiresAt()), TTL);
        }
        Cart full = store.find(shopA, cart.id()).orElseThrow();

        assertThatThrownBy(() -> store.change(shopA, cart.id(), c -> c.withQuantity("ONE-TOO-MANY", 1, c.expiresAt()), TTL))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field() + ":" + f.rule()).containsExactly("sku:TOO_MANY_LINES"));
        assertThat(store.find(shopA, cart.id())).contains(full);
        Cart changed = store.change(shopA, cart.id(), c -> c.withQuantity("SKU-0", 3, c.expiresAt()), TTL);
        assertThat(changed.lines()).hasSize(Cart.MAX_LINES).first().isEqualTo(new Cart.CartLine("SKU-0", 3));
    }

    @Test
    void concurrent_changes_of_one_cart_keep_every_line() throws Exception {
        Cart cart = newCart(shopA);
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Cart>> done = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String sku = "PAR-" + i;
                int quantity = i + 1;
                done.add(pool.submit(() -> {
                    go.await();
                    return store.change(shopA, cart.id(), c -> c.withQuantity(sku, quantity, c.expiresAt()), TTL);
                }));
            }
            go.countDown();
            for (Future<Cart> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        Cart after = store.find(shopA, cart.id()).orElseThrow();
        assertThat(after.lines()).extracting(l -> l.sku() + "x" + l.quantity())
                .containsExactlyInAnyOrder("PAR-0x1", "PAR-1x2", "PAR-2x3", "PAR-3x4", "PAR-4x5", "PAR-5x6", "PAR-6x7", "PAR-7x8");
        assertThat(after.version()).isEqualTo(writers);
    }

    @Test
    void a_cart_left_alone_expires_and_a_change_keeps_it_longer() {
        Cart cart = Cart.empty(BearerToken.generate(), "S1", Instant.now(), Instant.now().plusMillis(300));
        store.create(shopA, cart, Duration.ofMillis(300));
        Cart kept = store.change(shopA, cart.id(), c -> c.withQuantity("A2", 1, Instant.now().plus(TTL)), TTL);

        Cart dropped = Cart.empty(BearerToken.generate(), "S1", Instant.now(), Instant.now().plusMillis(300));
        store.create(shopA, dropped, Duration.ofMillis(300));
        awaitUntil(() -> store.find(shopA, dropped.id()).isEmpty());

        assertThat(store.find(shopA, cart.id())).as("changed after creation: its own TTL").contains(kept);
        assertThatThrownBy(() -> store.change(shopA, dropped.id(), c -> c.withQuantity("A2", 1, c.expiresAt()), TTL))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void conflict_is_reported_only_when_a_change_keeps_losing() {
        // a change that itself changes the cart behind the store's back always loses the compare-and-set
        Cart cart = newCart(shopA);
        int[] runs = {0};
        assertThatThrownBy(() -> store.change(shopA, cart.id(), c -> {
            runs[0]++;
            store.change(shopA, cart.id(), inner -> inner.withQuantity("X" + runs[0], 1, inner.expiresAt()), TTL);
            return c.withQuantity("LOSER", 1, c.expiresAt());
        }, TTL)).isInstanceOf(ConflictException.class);
        assertThat(runs[0]).isGreaterThan(1);
        assertThat(store.find(shopA, cart.id()).orElseThrow().line("LOSER")).isEmpty();
    }

    private Cart newCart(TenantId tenant) {
        Instant now = Instant.now();
        Cart cart = Cart.empty(BearerToken.generate(), "S1", now, now.plus(TTL));
        store.create(tenant, cart, TTL);
        return cart;
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the short-lived cart never expired");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
