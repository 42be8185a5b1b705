package io.vitrine.pos.feed;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.catalog.assortment.Assortments;
import io.vitrine.catalog.positivelist.PositiveList;
import io.vitrine.catalog.products.ProductChanged;
import io.vitrine.catalog.products.ProductDeleted;
import io.vitrine.catalog.stock.Stock;
import io.vitrine.catalog.testing.CatalogFixtures;
import io.vitrine.catalog.testing.CatalogFixtures.Merchant;
import io.vitrine.kernel.codes.HsCode;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.outbox.Outbox;
import io.vitrine.kernel.outbox.infra.OutboxDispatcher;
import io.vitrine.kernel.tabular.TabularFormat;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;
import io.vitrine.tenants.stores.StoreForm;
import io.vitrine.tenants.stores.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A store's catalog feed on H2 and MariaDB, driven by the catalog's own services and events (outbox dispatched by
 * hand): a new device copies the store's shelf, then follows prices, assortment, stock and deletions through the
 * change log; a device that applies every page ends up with exactly the store's shelf, even when appends commit
 * out of order.
 */
abstract class CatalogFeedSuite {

    static final Actor ADMIN = Actor.staff("staff-1", "feed-admin", StaffRole.RETAILER_ADMIN, null);
    static final String LISTED = "1901101000";

    private CatalogFixtures fixtures;
    private CatalogFeed feed;
    private CatalogChangeLog log;
    private Assortments assortments;
    private Stock stock;
    private Outbox outbox;
    private TransactionOperations<Connection> transactions;
    private Merchant merchant;
    private String w1;
    private String w2;

    protected abstract ApplicationContext context();

    @BeforeEach
    @SuppressWarnings("unchecked")
    void shop() {
        fixtures = new CatalogFixtures(context());
        feed = context().getBean(CatalogFeed.class);
        log = context().getBean(CatalogChangeLog.class);
        assortments = context().getBean(Assortments.class);
        stock = context().getBean(Stock.class);
        outbox = context().getBean(Outbox.class);
        transactions = context().getBean(TransactionOperations.class);
        listOnPositiveList();
        w1 = CatalogFixtures.unique("W1");
        w2 = CatalogFixtures.unique("W2");
        merchant = fixtures.merchantInParkWith(w1, w2);
        fixtures.store(merchant, "S1", w1);
        fixtures.store(merchant, "S2", w2);
    }

    @Test
    void a_new_device_copies_the_stores_shelf_in_pages_then_follows_the_log() {
        List<String> skus = products(7);
        as(() -> assortments.replace(ADMIN, "S1", skus.subList(0, 5)));
        as(() -> stock.set(ADMIN, w1, skus.get(0), BigDecimal.valueOf(12), null));
        dispatch();

        Device device = new Device("S1");
        FeedPage first = device.poll(2);
        assertThat(first.hasMore()).isTrue();
        assertThat(first.changes()).extracting(CatalogChange::sku).containsExactly(skus.get(0), skus.get(1));
        device.pollUntilUpToDate(2);

        assertThat(device.shelf).containsOnlyKeys(skus.subList(0, 5));
        CatalogChange milk = device.shelf.get(skus.get(0));
        assertThat(milk.op()).isEqualTo(ChangeOp.UPSERT);
        assertThat(milk.priceFen()).isEqualTo(29900L);
        assertThat(milk.taxFen()).isEqualTo(Math.round(29900 * 0.7 * 0.13)); // 70% of the 13% VAT, no consumption tax
        assertThat(milk.stock()).isEqualTo(12L);
        assertThat(milk.product().nameZh()).isEqualTo("奶粉 " + skus.get(0));
        assertThat(milk.product().tradeMode()).isEqualTo("1210");
        assertThat(device.shelf.get(skus.get(1)).stock()).isZero();
        assertThat(device.poll(500).changes()).as("nothing new: the same cursor again").isEmpty();
    }

    @Test
    void a_price_change_a_removal_from_the_assortment_and_a_deletion_reach_the_store() {
        List<String> skus = products(3);
        as(() -> assortments.replace(ADMIN, "S1", skus));
        dispatch();
        Device device = new Device("S1");
        device.pollUntilUpToDate(500);

        changePrice(skus.get(0), 19900);
        as(() -> assortments.replace(ADMIN, "S1", skus.subList(0, 2)));
        deleteProduct(skus.get(1));
        dispatch();
        FeedPage page = device.pollUntilUpToDate(500);

        assertThat(device.shelf.get(skus.get(0)).priceFen()).isEqualTo(19900L);
        assertThat(device.shelf).containsOnlyKeys(skus.get(0));
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void a_stock_change_reaches_the_stores_of_its_warehouse_only() {
        List<String> skus = products(1);
        as(() -> assortments.replace(ADMIN, "S1", skus));
        as(() -> assortments.replace(ADMIN, "S2", skus));
        as(() -> stock.set(ADMIN, w1, skus.get(0), BigDecimal.valueOf(3), null));
        as(() -> stock.set(ADMIN, w2, skus.get(0), BigDecimal.valueOf(40), null));
        dispatch();
        Device s1 = new Device("S1");
        Device s2 = new Device("S2");
        s1.pollUntilUpToDate(500);
        s2.pollUntilUpToDate(500);

        as(() -> stock.adjust(ADMIN, w2, skus.get(0), BigDecimal.valueOf(-1), "sold at the counter"));
        dispatch();

        assertThat(s1.poll(500).changes()).as("W2's stock is none of S1's business").isEmpty();
        assertThat(s2.poll(500).changes()).extracting(CatalogChange::stock).containsExactly(39L);
        assertThat(s1.shelf.get(skus.get(0)).stock()).isEqualTo(3L);
    }

    @Test
    void a_sku_changed_many_times_is_told_once_per_page_as_it_is_now() {
        List<String> skus = products(1);
        as(() -> assortments.replace(ADMIN, "S1", skus));
        dispatch();
        Device device = new Device("S1");
        device.pollUntilUpToDate(500);

        for (long price : List.of(100L, 200L, 300L)) {
            changePrice(skus.get(0), price);
        }
        dispatch();

        FeedPage page = device.poll(500);
        assertThat(page.changes()).hasSize(1);
        assertThat(page.changes().get(0).priceFen()).isEqualTo(300L);
    }

    @Test
    void appends_that_commit_out_of_order_are_never_skipped() throws Exception {
        Device device = new Device("S1");
        device.pollUntilUpToDate(500);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch firstAppended = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        try {
            Future<?> first = threads.submit(() -> transactions.executeWrite(status -> {
                log.append(merchant.tenant(), List.of(CatalogChangeLog.Entry.everywhere("SLOW-1")));
                firstAppended.countDown();
                await(releaseFirst);
                return null;
            }));
            assertThat(firstAppended.await(30, TimeUnit.SECONDS)).isTrue();
            Future<?> second = threads.submit(() -> transactions.executeWrite(status -> {
                log.append(merchant.tenant(), List.of(CatalogChangeLog.Entry.everywhere("FAST-2")));
                return null;
            }));

            // the second appender would commit first if it could: it waits for the first one's number instead
            assertThatThrownBy(() -> second.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            FeedPage meanwhile = device.poll(500);
            assertThat(meanwhile.changes()).isEmpty();

            releaseFirst.countDown();
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
        } finally {
            releaseFirst.countDown();
            threads.shutdownNow();
        }

        device.pollUntilUpToDate(500);
        assertThat(device.told).containsExactly("SLOW-1", "FAST-2");
        assertThat(device.shelf.get("SLOW-1")).isNull(); // no such product: DELETE
    }

    @Test
    void a_cursor_that_is_not_ours_or_of_another_store_is_refused_naming_it() {
        Device device = new Device("S1");
        device.pollUntilUpToDate(500);

        assertThatThrownBy(() -> as(() -> feed.page("S1", "not a cursor!", null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("cursor"));
        assertThatThrownBy(() -> as(() -> feed.page("S2", device.cursor, null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).rule()).isEqualTo("CURSOR_OF_ANOTHER_STORE"));
        assertThatThrownBy(() -> as(() -> feed.page("S1", FeedCursor.logAt("S1", 1_000_000).encode(), null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).rule()).isEqualTo("CURSOR_AHEAD"));
        assertThatThrownBy(() -> as(() -> feed.page("S1", null, 0)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("limit"));
    }

    @Test
    void another_tenants_changes_never_reach_the_store() {
        Merchant neighbour = fixtures.neighbourOf(merchant);
        fixtures.store(neighbour, "S1", w1);
        fixtures.product(neighbour, "NEIGHBOUR-1", w1);
        TenantContext.runAs(neighbour.tenant(), () -> assortments.replace(ADMIN, "S1", List.of("NEIGHBOUR-1")));
        dispatch();

        Device device = new Device("S1");
        device.pollUntilUpToDate(500);

        assertThat(device.told).isEmpty();
        long neighbours = transactions.executeRead(status -> log.watermark(neighbour.tenant()));
        assertThat(neighbours).as("the neighbour's log moved")
                .isPositive();
    }

    @Test
    void an_assortment_change_of_one_store_touches_that_stores_feed_only() {
        List<String> skus = products(2);
        as(() -> assortments.replace(ADMIN, "S1", skus));
        as(() -> assortments.replace(ADMIN, "S2", skus));
        dispatch();
        Device s1 = new Device("S1");
        Device s2 = new Device("S2");
        s1.pollUntilUpToDate(500);
        s2.pollUntilUpToDate(500);

        as(() -> assortments.replace(ADMIN, "S1", skus.subList(0, 1)));
        dispatch();

        assertThat(s2.poll(500).changes()).as("S2's assortment did not change").isEmpty();
        assertThat(s1.poll(500).changes()).extracting(CatalogChange::sku, CatalogChange::op)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(skus.get(1), ChangeOp.DELETE));
        assertThat(s1.shelf).containsOnlyKeys(skus.get(0));
    }

    @Test
    void a_store_moved_to_another_warehouse_is_told_its_whole_shelf_with_that_warehouses_stock() {
        List<String> skus = products(3);
        as(() -> assortments.replace(ADMIN, "S1", skus));
        as(() -> assortments.replace(ADMIN, "S2", skus));
        as(() -> stock.set(ADMIN, w1, skus.get(0), BigDecimal.valueOf(3), null));
        as(() -> stock.set(ADMIN, w2, skus.get(0), BigDecimal.valueOf(40), null));
        as(() -> stock.set(ADMIN, w2, skus.get(2), BigDecimal.valueOf(7), null));
        dispatch();
        Device s1 = new Device("S1");
        Device s2 = new Device("S2");
        s1.pollUntilUpToDate(500);
        s2.pollUntilUpToDate(500);
        assertThat(s1.shelf.get(skus.get(0)).stock()).isEqualTo(3L);
        s1.told.clear();

        as(() -> context().getBean(Stores.class).update(ADMIN, "S1",
                new StoreForm(null, "store", "CONVENIENCE_STORE", "x", "440305", null, null, w2)));
        dispatch();

        s1.pollUntilUpToDate(500);
        assertThat(s1.told).as("every SKU of its shelf, once").containsExactlyInAnyOrderElementsOf(skus);
        assertThat(s1.shelf).containsOnlyKeys(skus);
        assertThat(s1.shelf.get(skus.get(0)).stock()).isEqualTo(40L);
        assertThat(s1.shelf.get(skus.get(1)).stock()).isZero();
        assertThat(s1.shelf.get(skus.get(2)).stock()).isEqualTo(7L);
        assertThat(s2.poll(500).changes()).as("S2 did not move").isEmpty();
    }

    @Test
    void a_cursor_older_than_the_pruned_log_is_told_to_bootstrap_and_a_fresher_one_reads_on() {
        List<String> skus = products(2);
        as(() -> assortments.replace(ADMIN, "S1", skus));
        dispatch();
        Device behind = new Device("S1");
        behind.pollUntilUpToDate(500);
        changePrice(skus.get(0), 100);
        dispatch();
        Device current = new Device("S1");
        current.pollUntilUpToDate(500);

        ChangeLogRetention retention = context().getBean(ChangeLogRetention.class);
        java.time.Instant later = context().getBean(java.time.Clock.class).instant().plus(retention.keep()).plusSeconds(5);
        assertThat(retention.prune(later)).as("every entry so far is older than the retention then").isPositive();
        long horizon = transactions.executeRead(status -> log.prunedThrough(merchant.tenant()));
        long watermark = transactions.executeRead(status -> log.watermark(merchant.tenant()));
        assertThat(horizon).as("the horizon: all of it").isEqualTo(watermark);

        assertThatThrownBy(() -> behind.poll(500)).as("its entries are gone: it must not be told 'nothing changed'")
                .isInstanceOf(CursorExpiredException.class);
        assertThat(current.poll(500).changes()).as("at the horizon: nothing missed").isEmpty();
        changePrice(skus.get(1), 200);
        dispatch();
        assertThat(current.poll(500).changes()).extracting(CatalogChange::sku, CatalogChange::priceFen)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(skus.get(1), 200L));
        Device again = new Device("S1");
        again.pollUntilUpToDate(500);
        assertThat(again.shelf).as("a bootstrap copies the shelf as it is").containsOnlyKeys(skus);
        assertThat(again.shelf.get(skus.get(0)).priceFen()).isEqualTo(100L);
    }

    /** A device of a store: applies every page to its copy of the shelf, as a POS would. */
    private final class Device {
        final String store;
        final Map<String, CatalogChange> shelf = new LinkedHashMap<>();
        final List<String> told = new ArrayList<>();
        String cursor;

        Device(String store) {
            this.store = store;
        }

        FeedPage poll(int limit) {
            FeedPage page = as(() -> feed.page(store, cursor, limit));
            for (CatalogChange change : page.changes()) {
                told.add(change.sku());
                if (change.op() == ChangeOp.UPSERT) {
                    shelf.put(change.sku(), change);
                } else {
                    shelf.remove(change.sku());
                }
            }
            cursor = page.cursor();
            return page;
        }

        FeedPage pollUntilUpToDate(int limit) {
            FeedPage page;
            do {
                page = poll(limit);
            } while (page.hasMore());
            return page;
        }
    }

    /** Products of the merchant in W1, in SKU order. */
    private List<String> products(int count) {
        String prefix = CatalogFixtures.unique("P");
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String sku = prefix + "-" + i;
            fixtures.product(merchant, sku, w1);
            skus.add(sku);
        }
        return skus;
    }

    /** What {@code Products.update} does to the price, in one transaction with its event. */
    private void changePrice(String sku, long priceFen) {
        write("UPDATE products SET price_fen = ? WHERE tenant_id = ? AND sku = ?", priceFen, sku,
                new ProductChanged(merchant.tenant(), sku));
    }

    private void deleteProduct(String sku) {
        write("DELETE FROM products WHERE tenant_id = ? AND sku = ?", null, sku,
                new ProductDeleted(merchant.tenant(), sku));
    }

    private void write(String sql, Long value, String sku, io.vitrine.kernel.outbox.OutboxEvent event) {
        transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                int i = 1;
                if (value != null) {
                    statement.setLong(i++, value);
                }
                statement.setString(i++, merchant.tenant().value());
                statement.setString(i, sku);
                statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
            return outbox.publish(event);
        });
    }

    private void dispatch() {
        context().getBean(OutboxDispatcher.class).dispatchDue();
    }

    private <T> T as(TenantContext.Work<T, RuntimeException> work) {
        return TenantContext.callAs(merchant.tenant(), work);
    }

    private void listOnPositiveList() {
        PositiveList list = context().getBean(PositiveList.class);
        if (list.find(HsCode.parse(LISTED)).isEmpty()) {
            list.replace(Actor.staff("fixtures", "fixtures", StaffRole.PLATFORM_ADMIN, null),
                    new ByteArrayInputStream(("hsCode\n" + LISTED + "\n").getBytes(StandardCharsets.UTF_8)),
                    TabularFormat.CSV);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
