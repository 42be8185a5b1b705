package io.vitrine.catalog.stock;

import io.micronaut.context.ApplicationContext;
import io.vitrine.catalog.products.ProductPlacementChanged;
import io.vitrine.catalog.products.Products;
import io.vitrine.catalog.testing.CatalogFixtures;
import io.vitrine.catalog.testing.CatalogFixtures.Merchant;
import io.vitrine.catalog.testing.Interleaving;
import io.vitrine.kernel.error.BusinessRuleException;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import static io.vitrine.catalog.testing.CatalogFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bonded stock counts, adjustments and their ledger, run on H2 and on MariaDB. */
abstract class StockSuite {

    static final Actor ADMIN = Actor.staff("staff-1", "stock-admin", StaffRole.RETAILER_ADMIN, null);

    private Stock stock;
    private StockLevels levels;
    private Reservations reservations;
    private CatalogFixtures fixtures;
    private Merchant merchant;
    private String warehouse;
    private String sku;

    protected abstract ApplicationContext context();

    @BeforeEach
    void aMerchantWithAProductInAParkWarehouse() {
        stock = context().getBean(Stock.class);
        levels = context().getBean(StockLevels.class);
        reservations = context().getBean(Reservations.class);
        fixtures = new CatalogFixtures(context());
        warehouse = unique("WH");
        merchant = fixtures.merchantInParkWith(warehouse);
        sku = unique("SKU");
        fixtures.product(merchant, sku, warehouse);
    }

    @Test
    void counts_and_adjustments_set_on_hand_and_each_change_goes_into_the_ledger() {
        assertThat(as(merchant, () -> levels.get(warehouse, sku))).isEqualTo(StockLevel.none(warehouse, sku));

        as(merchant, () -> stock.set(ADMIN, warehouse, sku, BigDecimal.TEN, null));
        as(merchant, () -> stock.adjust(ADMIN, warehouse, sku, BigDecimal.valueOf(5), "received from the port"));
        StockLevel level = as(merchant, () -> stock.adjust(ADMIN, warehouse, sku, BigDecimal.valueOf(-3), "damaged"));
        as(merchant, () -> stock.set(ADMIN, warehouse, sku, new BigDecimal("12.0"), "recount")); // no change

        assertThat(level).extracting(StockLevel::onHand, StockLevel::reserved, StockLevel::available)
                .containsExactly(12L, 0L, 12L);
        assertThat(as(merchant, () -> levels.get(warehouse, sku)).onHand()).isEqualTo(12);
        List<StockLedgerEntry> ledger = as(merchant, () -> levels.ledger(warehouse, sku, 0, 50)).getContent();
        assertThat(ledger).extracting(e -> e.movement() + " " + e.delta() + " -> " + e.onHandAfter() + " " + e.reason())
                .containsExactly("ADJUSTMENT -3 -> 12 damaged", "ADJUSTMENT 5 -> 15 received from the port",
                        "COUNT 10 -> 10 stock count");
        assertThat(ledger).allSatisfy(entry -> {
            assertThat(entry.actorId()).isEqualTo("staff-1");
            assertThat(entry.actorName()).isEqualTo("stock-admin");
            assertThat(entry.occurredAt()).isNotNull();
        });
    }

    @Test
    void stock_never_goes_below_zero_and_a_refused_change_changes_nothing() {
        as(merchant, () -> stock.set(ADMIN, warehouse, sku, BigDecimal.valueOf(2), null));

        assertThatThrownBy(() -> as(merchant, () -> stock.adjust(ADMIN, warehouse, sku, BigDecimal.valueOf(-3), "sold")))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("STOCK_NEGATIVE"));

        assertThat(as(merchant, () -> levels.get(warehouse, sku)).onHand()).isEqualTo(2);
        assertThat(as(merchant, () -> levels.ledger(warehouse, sku, 0, 50)).getTotalSize()).isEqualTo(1);
        String never = unique("NEVER");
        fixtures.product(merchant, never, warehouse);
        assertThatThrownBy(() -> as(merchant, () -> stock.adjust(ADMIN, warehouse, never, BigDecimal.ONE.negate(), "x")))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("STOCK_NEGATIVE"));
        assertThat(as(merchant, () -> levels.list(warehouse, 0, 50)).getContent()).extracting(StockLevel::sku)
                .containsExactly(sku);
    }

    @Test
    void bad_input_is_refused_field_by_field() {
        assertThat(rules(() -> stock.set(ADMIN, warehouse, sku, BigDecimal.valueOf(-1), null)))
                .containsExactly("quantity:QUANTITY_RANGE");
        assertThat(rules(() -> stock.set(ADMIN, warehouse, sku, new BigDecimal("1.5"), null)))
                .containsExactly("quantity:WHOLE_NUMBER");
        assertThat(rules(() -> stock.set(ADMIN, warehouse, sku, null, "x".repeat(501))))
                .containsExactly("quantity:REQUIRED", "reason:TOO_LONG");
        assertThat(rules(() -> stock.adjust(ADMIN, warehouse, sku, BigDecimal.ZERO, " ")))
                .containsExactly("delta:DELTA_ZERO", "reason:REQUIRED");
        assertThat(rules(() -> stock.adjust(ADMIN, warehouse, sku, BigDecimal.valueOf(2_000_000_000L), "x")))
                .containsExactly("delta:QUANTITY_RANGE");
        assertThat(as(merchant, () -> levels.list(null, 0, 50)).getContent()).isEmpty();
    }

    @Test
    void another_parks_warehouse_and_another_tenants_product_are_not_found() {
        String theirWarehouse = unique("WH");
        Merchant elsewhere = fixtures.merchantInParkWith(theirWarehouse);
        String theirSku = unique("B");
        fixtures.product(elsewhere, theirSku, theirWarehouse);
        Merchant neighbour = fixtures.neighbourOf(merchant); // same park: shares the warehouse
        String neighbourSku = unique("N");
        fixtures.product(neighbour, neighbourSku, warehouse);
        as(neighbour, () -> stock.set(ADMIN, warehouse, neighbourSku, BigDecimal.TEN, null));

        assertThatThrownBy(() -> as(merchant, () -> levels.get(theirWarehouse, sku))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(merchant, () -> stock.set(ADMIN, theirWarehouse, theirSku, BigDecimal.ONE, null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(merchant, () -> stock.adjust(ADMIN, warehouse, neighbourSku, BigDecimal.ONE, "x")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(merchant, () -> levels.list(theirWarehouse, 0, 10))).isInstanceOf(NotFoundException.class);
        assertThat(as(merchant, () -> levels.list(warehouse, 0, 10)).getContent()).isEmpty();
        assertThat(as(merchant, () -> levels.available(warehouse, neighbourSku))).isZero();
        assertThat(as(neighbour, () -> levels.get(warehouse, neighbourSku)).onHand()).isEqualTo(10);
    }

    @Test
    void concurrent_adjustments_lose_no_update() throws Exception {
        int threads = 8;
        int each = 15;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) { // the first ones race to create the row, too
                        as(merchant, () -> stock.adjust(ADMIN, warehouse, sku, BigDecimal.ONE, "received"));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(as(merchant, () -> levels.get(warehouse, sku)).onHand()).isEqualTo(threads * each);
        List<StockLedgerEntry> ledger = as(merchant, () -> levels.ledger(warehouse, sku, 0, 200)).getContent();
        assertThat(ledger).extracting(StockLedgerEntry::onHandAfter)
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, threads * each).boxed().toList());
    }

    @Test
    void on_hand_stock_cannot_go_below_what_reservations_hold() {
        as(merchant, () -> stock.set(ADMIN, warehouse, sku, BigDecimal.valueOf(5), null));
        as(merchant, () -> reservations.reserve(unique("ORDER"), List.of(new ReservationLine(warehouse, sku, 4)),
                Duration.ofMinutes(15)));

        assertThatThrownBy(() -> as(merchant, () -> stock.adjust(ADMIN, warehouse, sku, BigDecimal.valueOf(-2), "lost")))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("STOCK_RESERVED"));
        assertThatThrownBy(() -> as(merchant, () -> stock.set(ADMIN, warehouse, sku, BigDecimal.valueOf(3), null)))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("STOCK_RESERVED"));
        StockLevel level = as(merchant, () -> stock.set(ADMIN, warehouse, sku, BigDecimal.valueOf(4), null));
        assertThat(level).extracting(StockLevel::onHand, StockLevel::reserved, StockLevel::available)
                .containsExactly(4L, 4L, 0L);
    }

    @Test
    void going_in_or_out_of_stock_at_a_warehouse_publishes_a_placement_change() {
        int before = fixtures.events(merchant.tenant(), ProductPlacementChanged.TYPE);

        as(merchant, () -> stock.set(ADMIN, warehouse, sku, BigDecimal.valueOf(5), null));          // in
        as(merchant, () -> stock.adjust(ADMIN, warehouse, sku, BigDecimal.valueOf(-2), "sold"));    // still in
        as(merchant, () -> stock.adjust(ADMIN, warehouse, sku, BigDecimal.valueOf(-3), "sold"));    // out
        as(merchant, () -> stock.set(ADMIN, warehouse, sku, BigDecimal.ZERO, null));                // still out

        assertThat(fixtures.events(merchant.tenant(), ProductPlacementChanged.TYPE)).isEqualTo(before + 2);
    }

    @Test
    void the_storefront_reads_what_is_available_at_a_stores_warehouse() {
        String store = unique("S");
        fixtures.store(merchant, store, warehouse);
        String other = unique("O");
        fixtures.product(merchant, other, warehouse);
        as(merchant, () -> stock.set(ADMIN, warehouse, sku, BigDecimal.valueOf(7), null));
        as(merchant, () -> stock.set(ADMIN, warehouse, other, BigDecimal.ZERO, null));
        as(merchant, () -> reservations.reserve(unique("ORDER"), List.of(new ReservationLine(warehouse, sku, 2)),
                Duration.ofMinutes(15)));

        assertThat(as(merchant, () -> levels.availableAtStore(store, sku))).isEqualTo(5);
        assertThat(as(merchant, () -> levels.availableAtStore(store, List.of(sku, other, "NO-SUCH"))))
                .isEqualTo(Map.of(sku, 5L, other, 0L, "NO-SUCH", 0L));
        assertThat(as(merchant, () -> levels.warehousesWithStock(List.of(sku, other))))
                .isEqualTo(Map.of(sku, Set.of(warehouse)));
        Merchant stranger = fixtures.merchantInParkWith(unique("WH"));
        assertThatThrownBy(() -> as(stranger, () -> levels.availableAtStore(store, sku))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_product_with_bonded_stock_on_hand_is_not_deleted_and_at_zero_its_rows_go_while_its_ledger_stays() {
        Products products = context().getBean(Products.class);
        String second = unique("WH");
        fixtures.bondedWarehouse(merchant, second);
        as(merchant, () -> stock.set(ADMIN, warehouse, sku, BigDecimal.valueOf(3), null));
        as(merchant, () -> stock.set(ADMIN, warehouse, sku, BigDecimal.ZERO, "shipped back"));
        as(merchant, () -> stock.set(ADMIN, second, sku, BigDecimal.ONE, null));
        String order = unique("ORDER");
        as(merchant, () -> reservations.reserve(order, List.of(new ReservationLine(second, sku, 1)), Duration.ofMinutes(15)));

        assertThatThrownBy(() -> as(merchant, () -> delete(products)))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.code()).isEqualTo("PRODUCT_HAS_STOCK");
                    assertThat(e.getMessage()).contains(second + ": 1, 1 reserved").doesNotContain(warehouse + ":");
                });
        assertThat(as(merchant, () -> levels.list(null, sku, 0, 10)).getContent()).extracting(StockLevel::onHand)
                .containsExactlyInAnyOrder(0L, 1L);

        as(merchant, () -> reservations.release(order));
        as(merchant, () -> stock.adjust(ADMIN, second, sku, BigDecimal.ONE.negate(), "written off"));
        as(merchant, () -> delete(products));

        assertThat(fixtures.stockRows(merchant, sku)).isZero();
        assertThat(fixtures.ledgerLines(merchant, sku)).isEqualTo(4);
        assertThatThrownBy(() -> as(merchant, () -> stock.set(ADMIN, warehouse, sku, BigDecimal.ONE, null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(fixtures.stockRows(merchant, sku)).isZero();
    }

    @Test
    void a_count_racing_the_products_deletion_never_leaves_stock_of_a_deleted_product() throws Exception {
        Products products = context().getBean(Products.class);
        String fresh = unique("WH"); // a warehouse with no row yet: nothing there for the deletion to lock
        fixtures.bondedWarehouse(merchant, fresh);

        Interleaving.Outcome<StockLevel> counted = new Interleaving(context()).firstHoldsThenSecond(merchant.tenant(),
                () -> products.delete(ADMIN, sku),
                () -> stock.set(ADMIN, fresh, sku, BigDecimal.valueOf(5), null));

        assertThat(counted.failure()).isInstanceOf(NotFoundException.class).hasMessageContaining("No such product");
        assertThat(fixtures.stockRows(merchant, sku)).isZero();
        assertThat(fixtures.ledgerLines(merchant, sku)).isZero();
    }

    @Test
    void a_deletion_racing_a_first_count_is_refused_with_the_counted_stock() throws Exception {
        Products products = context().getBean(Products.class);

        Interleaving.Outcome<Object> deleted = new Interleaving(context()).firstHoldsThenSecond(merchant.tenant(),
                () -> stock.set(ADMIN, warehouse, sku, BigDecimal.valueOf(5), null),
                () -> delete(products));

        assertThat(deleted.failure()).isInstanceOfSatisfying(BusinessRuleException.class,
                e -> assertThat(e.code()).isEqualTo("PRODUCT_HAS_STOCK"));
        assertThat(as(merchant, () -> levels.get(warehouse, sku)).onHand()).isEqualTo(5);
    }

    private Object delete(Products products) {
        products.delete(ADMIN, sku);
        return null;
    }

    private List<String> rules(Supplier<?> work) {
        try {
            as(merchant, work);
        } catch (InvalidInputException e) {
            return e.errors().stream().map(error -> error.field() + ":" + error.rule()).toList();
        }
        throw new AssertionError("accepted");
    }

    static <T> T as(Merchant merchant, Supplier<T> work) {
        return TenantContext.callAs(merchant.tenant(), work::get);
    }
}
