package io.vitrine.catalog.products;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.catalog.testing.CatalogFixtures;
import io.vitrine.catalog.testing.CatalogFixtures.Merchant;
import io.vitrine.kernel.cache.DistributedLocks;
import io.vitrine.kernel.cache.LockLease;
import io.vitrine.kernel.cache.ScopedKey;
import io.vitrine.kernel.outbox.DeliveredEvent;
import io.vitrine.kernel.tenancy.TenantContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.vitrine.catalog.testing.CatalogFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The search feed's delivery and the shop's writes (issue #4 "Freshness"): a delivery takes the shop's turn instead of
 * locking product rows, so a price change never waits while the engine writes; run on H2 and MariaDB.
 */
abstract class SearchFeedSuite {

    private SearchIndexFeed feed;
    private TransactionOperations<Connection> transactions;
    private DistributedLocks locks;
    private JsonMapper json;
    private Merchant merchant;
    private String sku;

    protected abstract ApplicationContext context();

    @BeforeEach
    @SuppressWarnings("unchecked")
    void aShopWithAProduct() {
        feed = context().getBean(SearchIndexFeed.class);
        transactions = context().getBean(TransactionOperations.class);
        locks = context().getBean(DistributedLocks.class);
        json = context().getBean(JsonMapper.class);
        CatalogFixtures fixtures = new CatalogFixtures(context());
        String warehouse = unique("WH");
        merchant = fixtures.merchantInParkWith(warehouse);
        sku = unique("SKU");
        fixtures.product(merchant, sku, warehouse);
    }

    @Test
    void a_price_change_does_not_wait_for_a_delivery_that_is_still_open() throws Exception {
        ExecutorService shopkeeper = Executors.newSingleThreadExecutor();
        try {
            Integer changed = transactions.executeWrite(status -> {
                TenantContext.runAs(merchant.tenant(), () -> feed.onBatch(List.of(changedEvent())));
                // the delivery's transaction is still open: with the product row locked, this write would wait
                // for it (and H2 give up after its lock timeout), so the test would fail
                Future<Integer> write = shopkeeper.submit(() -> transactions.executeWrite(inner ->
                        setPrice(inner.getConnection(), 31900)));
                return write.get(30, TimeUnit.SECONDS);
            });
            assertThat(changed).isEqualTo(1);
        } finally {
            shopkeeper.shutdownNow();
        }
    }

    @Test
    void a_delivery_waits_for_the_shops_turn_and_gives_it_back() {
        LockLease other = locks.tryAcquire(turnKey(), IndexingTurns.LEASE).orElseThrow();
        try {
            assertThatThrownBy(() -> transactions.executeWrite(status -> {
                TenantContext.runAs(merchant.tenant(), () -> feed.onBatch(List.of(changedEvent())));
                return null;
            })).isInstanceOf(IndexingTurns.TurnBusyException.class);
        } finally {
            locks.release(other);
        }
        transactions.executeWrite(status -> {
            TenantContext.runAs(merchant.tenant(), () -> feed.onBatch(List.of(changedEvent())));
            return null;
        });
        LockLease next = locks.tryAcquire(turnKey(), IndexingTurns.LEASE).orElseThrow(); // given back after the batch
        locks.release(next);
    }

    private ScopedKey turnKey() {
        return ScopedKey.of(merchant.tenant(), "search-feed", "turn");
    }

    private DeliveredEvent changedEvent() {
        try {
            return new DeliveredEvent(UUID.randomUUID().toString(), ProductChanged.TYPE, merchant.tenant(), sku,
                    Instant.now(), json.writeValueAsString(new ProductChanged(merchant.tenant(), sku)), 1, json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private int setPrice(Connection connection, long priceFen) {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE products SET price_fen = ? WHERE tenant_id = ? AND sku = ?")) {
            update.setLong(1, priceFen);
            update.setString(2, merchant.tenant().value());
            update.setString(3, sku);
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
