package io.vitrine.catalog.stock;

import io.micronaut.context.ApplicationContext;
import io.vitrine.catalog.testing.CatalogFixtures;
import io.vitrine.catalog.testing.CatalogFixtures.Merchant;
import io.vitrine.kernel.cache.DistributedLocks;
import io.vitrine.kernel.cache.LockLease;
import io.vitrine.kernel.error.BusinessRuleException;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.vitrine.catalog.stock.StockSuite.ADMIN;
import static io.vitrine.catalog.stock.StockSuite.as;
import static io.vitrine.catalog.testing.CatalogFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Checkout's reservations, run on H2 and on MariaDB: all or nothing, idempotent per reference, release, commit,
 * expiry on the test clock, and checkouts racing for the last units. The clock only moves when a test moves it.
 */
abstract class ReservationsSuite {

    private static final Duration TTL = Duration.ofMinutes(15);

    private Stock stock;
    private StockLevels levels;
    private Reservations reservations;
    private ReservationExpiry expiry;
    private MutableClock clock;
    private CatalogFixtures fixtures;
    private Merchant merchant;
    private String warehouse;
    private String formula;
    private String cream;

    protected abstract ApplicationContext context();

    @BeforeEach
    void twoProductsInStock() {
        stock = context().getBean(Stock.class);
        levels = context().getBean(StockLevels.class);
        reservations = context().getBean(Reservations.class);
        expiry = context().getBean(ReservationExpiry.class);
        clock = context().getBean(MutableClock.class);
        fixtures = new CatalogFixtures(context());
        warehouse = unique("WH");
        merchant = fixtures.merchantInParkWith(warehouse);
        formula = unique("FORMULA");
        cream = unique("CREAM");
        fixtures.product(merchant, formula, warehouse);
        fixtures.product(merchant, cream, warehouse);
        stockOf(formula, 5);
        stockOf(cream, 2);
    }

    @Test
    void a_reservation_holds_every_line_or_none() {
        String order = unique("ORDER");

        assertThatThrownBy(() -> reserve(order, line(formula, 3), line(cream, 3)))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.code()).isEqualTo("OUT_OF_STOCK");
                    assertThat(e.getMessage()).contains(cream);
                });
        assertThat(level(formula)).extracting(StockLevel::reserved, StockLevel::available).containsExactly(0L, 5L);
        assertThat(as(merchant, () -> reservations.find(order))).isEmpty();

        Reservation held = reserve(order, line(formula, 3), line(cream, 2), line(formula, 1));

        assertThat(held.status()).isEqualTo(ReservationStatus.ACTIVE);
        assertThat(held.lines()).containsExactlyElementsOf(sorted(line(cream, 2), line(formula, 4)));
        assertThat(held.expiresAt()).isEqualTo(held.createdAt().plus(TTL));
        assertThat(level(formula)).extracting(StockLevel::onHand, StockLevel::reserved, StockLevel::available)
                .containsExactly(5L, 4L, 1L);
        assertThat(level(cream).available()).isZero();
        assertThatThrownBy(() -> reserve(unique("ORDER"), line(cream, 1)))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("OUT_OF_STOCK"));
        assertThatThrownBy(() -> reserve(unique("ORDER"), line("NO-SUCH-SKU", 1)))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("OUT_OF_STOCK"));
    }

    @Test
    void the_same_reference_answers_the_same_reservation_and_holds_nothing_more() {
        String order = unique("ORDER");
        Reservation first = reserve(order, line(formula, 2));

        Reservation again = reserve(order, line(formula, 2));

        assertThat(again).isEqualTo(first);
        assertThat(level(formula).reserved()).isEqualTo(2);
        assertThatThrownBy(() -> reserve(order, line(formula, 3))).isInstanceOf(ConflictException.class);
        as(merchant, () -> reservations.release(order));
        assertThat(reserve(order, line(formula, 2)).status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(level(formula).reserved()).isZero();
    }

    @Test
    void release_gives_the_units_back_once() {
        String order = unique("ORDER");
        reserve(order, line(formula, 4), line(cream, 2));

        Reservation released = as(merchant, () -> reservations.release(order));
        Reservation again = as(merchant, () -> reservations.release(order));

        assertThat(released.status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(released.endedAt()).isNotNull();
        assertThat(again).isEqualTo(released);
        assertThat(level(formula)).extracting(StockLevel::onHand, StockLevel::reserved).containsExactly(5L, 0L);
        assertThat(level(cream).available()).isEqualTo(2);
        assertThatThrownBy(() -> as(merchant, () -> reservations.release(unique("NEVER"))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void commit_takes_the_reserved_units_out_of_stock_once_and_the_ledger_says_which_order() {
        String order = unique("ORDER");
        reserve(order, line(formula, 3));

        Reservation committed = as(merchant, () -> reservations.commit(order));
        as(merchant, () -> reservations.commit(order));
        as(merchant, () -> reservations.release(order)); // too late: nothing to give back

        assertThat(committed.status()).isEqualTo(ReservationStatus.COMMITTED);
        assertThat(level(formula)).extracting(StockLevel::onHand, StockLevel::reserved, StockLevel::available)
                .containsExactly(2L, 0L, 2L);
        StockLedgerEntry sale = as(merchant, () -> levels.ledger(warehouse, formula, 0, 1)).getContent().get(0);
        assertThat(sale).extracting(StockLedgerEntry::movement, StockLedgerEntry::delta, StockLedgerEntry::onHandAfter,
                StockLedgerEntry::reason, StockLedgerEntry::actorId)
                .containsExactly(StockMovement.SALE, -3L, 2L, "order " + order, "system");
    }

    @Test
    void a_committed_reservation_returned_puts_its_units_back_once_and_the_ledger_says_why() {
        String order = unique("ORDER");
        String unpaid = unique("ORDER");
        reserve(order, line(formula, 3));
        reserve(unpaid, line(formula, 1));
        as(merchant, () -> reservations.commit(order));

        Reservation returned = as(merchant, () -> reservations.returnToStock(order, "order " + order + " cancelled"));
        as(merchant, () -> reservations.returnToStock(order, "order " + order + " cancelled"));
        as(merchant, () -> reservations.commit(order)); // no second sale either
        Reservation untouched = as(merchant, () -> reservations.returnToStock(unpaid, "never sold"));

        assertThat(returned.status()).isEqualTo(ReservationStatus.RETURNED);
        assertThat(untouched.status()).isEqualTo(ReservationStatus.ACTIVE);
        assertThat(level(formula)).extracting(StockLevel::onHand, StockLevel::reserved, StockLevel::available)
                .containsExactly(5L, 1L, 4L);
        StockLedgerEntry back = as(merchant, () -> levels.ledger(warehouse, formula, 0, 1)).getContent().get(0);
        assertThat(back).extracting(StockLedgerEntry::movement, StockLedgerEntry::delta, StockLedgerEntry::onHandAfter,
                StockLedgerEntry::reason, StockLedgerEntry::actorId)
                .containsExactly(StockMovement.RETURN, 3L, 5L, "order " + order + " cancelled", "system");
        assertThat(as(merchant, () -> levels.ledger(warehouse, formula, 0, 10)).getContent())
                .extracting(StockLedgerEntry::movement).containsOnlyOnce(StockMovement.RETURN, StockMovement.SALE);
    }

    @Test
    void part_of_a_sale_comes_back_by_sku_and_more_than_was_sold_is_refused() {
        String order = unique("ORDER");
        reserve(order, line(formula, 3));
        as(merchant, () -> reservations.commit(order));

        Reservation after = as(merchant, () -> reservations.returnUnits(order, java.util.Map.of(formula, 2L),
                "return R1 received"));

        assertThat(after.status()).as("still a sale").isEqualTo(ReservationStatus.COMMITTED);
        assertThat(level(formula).onHand()).isEqualTo(4L);
        StockLedgerEntry back = as(merchant, () -> levels.ledger(warehouse, formula, 0, 1)).getContent().get(0);
        assertThat(back).extracting(StockLedgerEntry::movement, StockLedgerEntry::delta, StockLedgerEntry::reason)
                .containsExactly(StockMovement.RETURN, 2L, "return R1 received");
        assertThatThrownBy(() -> as(merchant, () -> reservations.returnUnits(order, java.util.Map.of(formula, 4L),
                "too many"))).isInstanceOf(io.vitrine.kernel.error.ConflictException.class);
        assertThatThrownBy(() -> as(merchant, () -> reservations.returnUnits(order, java.util.Map.of("NOT-SOLD", 1L),
                "not sold"))).isInstanceOf(io.vitrine.kernel.error.ConflictException.class);
        assertThat(level(formula).onHand()).as("refusals change nothing").isEqualTo(4L);
    }

    @Test
    void a_reservation_expires_after_its_time_and_not_before() {
        String order = unique("ORDER");
        reserve(order, line(cream, 2));

        clock.advance(TTL.minusSeconds(1));
        expiry.expireDue();
        assertThat(find(order).status()).isEqualTo(ReservationStatus.ACTIVE);
        assertThat(level(cream).available()).isZero();

        clock.advance(Duration.ofSeconds(1));
        expiry.expireDue();
        assertThat(find(order).status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(level(cream)).extracting(StockLevel::reserved, StockLevel::available).containsExactly(0L, 2L);
    }

    @Test
    void a_late_payment_commits_an_expired_reservation_only_while_the_stock_is_there() {
        String paidLate = unique("ORDER");
        String tooLate = unique("ORDER");
        reserve(paidLate, line(formula, 2));
        reserve(tooLate, line(cream, 2));
        clock.advance(TTL.plusSeconds(1));
        expiry.expireDue();
        reserve(unique("ORDER"), line(cream, 1)); // someone else took part of the cream meanwhile

        assertThat(as(merchant, () -> reservations.commit(paidLate)).status()).isEqualTo(ReservationStatus.COMMITTED);
        assertThatThrownBy(() -> as(merchant, () -> reservations.commit(tooLate)))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("OUT_OF_STOCK"));

        assertThat(level(formula)).extracting(StockLevel::onHand, StockLevel::reserved).containsExactly(3L, 0L);
        assertThat(find(tooLate).status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(level(cream)).extracting(StockLevel::onHand, StockLevel::reserved).containsExactly(2L, 1L);
    }

    @Test
    void a_round_another_instance_holds_is_skipped() {
        String order = unique("ORDER");
        reserve(order, line(cream, 1));
        clock.advance(TTL.plusSeconds(1));
        DistributedLocks locks = context().getBean(DistributedLocks.class);
        LockLease theirs = locks.tryAcquire(ReservationExpiry.LOCK, Duration.ofMinutes(1)).orElseThrow();

        assertThat(expiry.round()).isEmpty();
        assertThat(find(order).status()).isEqualTo(ReservationStatus.ACTIVE);

        locks.release(theirs);
        assertThat(expiry.round()).hasValueSatisfying(expired -> assertThat(expired).isPositive());
        assertThat(find(order).status()).isEqualTo(ReservationStatus.EXPIRED);
    }

    @Test
    void checkouts_racing_for_the_last_unit_exactly_one_wins() throws Exception {
        stockOf(formula, 100);
        for (int round = 0; round < 5; round++) {
            String last = unique("LAST");
            fixtures.product(merchant, last, warehouse);
            stockOf(last, 1);
            List<Callable<Boolean>> checkouts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String order = unique("ORDER");
                checkouts.add(() -> {
                    try {
                        reserve(order, line(formula, 1), line(last, 1));
                        return true;
                    } catch (BusinessRuleException e) {
                        assertThat(e.code()).isEqualTo("OUT_OF_STOCK");
                        return false;
                    }
                });
            }

            List<Boolean> outcomes = race(checkouts);

            assertThat(outcomes).containsOnlyOnce(true);
            assertThat(level(last)).extracting(StockLevel::reserved, StockLevel::available).containsExactly(1L, 0L);
            assertThat(level(formula).reserved()).isEqualTo(round + 1); // the losers' first lines were rolled back
        }
    }

    @Test
    void the_same_reference_sent_at_once_holds_once() throws Exception {
        String order = unique("ORDER");
        List<Callable<Reservation>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(() -> reserve(order, line(formula, 2)));
        }

        List<Reservation> answers = race(calls);

        assertThat(answers).allSatisfy(answer -> assertThat(answer).isEqualTo(answers.get(0)));
        assertThat(level(formula).reserved()).isEqualTo(2);
    }

    @Test
    void references_belong_to_their_tenant() {
        String order = unique("ORDER");
        reserve(order, line(formula, 1));
        Merchant neighbour = fixtures.neighbourOf(merchant); // same park and warehouse
        String theirs = unique("THEIRS");
        fixtures.product(neighbour, theirs, warehouse);
        as(neighbour, () -> stock.set(ADMIN, warehouse, theirs, BigDecimal.ONE, null));

        assertThat(as(neighbour, () -> reservations.find(order))).isEmpty();
        assertThatThrownBy(() -> as(neighbour, () -> reservations.commit(order))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(neighbour, () -> reservations.reserve(unique("X"), List.of(line(formula, 1)), TTL)))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("OUT_OF_STOCK"));
        Reservation same = as(neighbour, () -> reservations.reserve(order, List.of(line(theirs, 1)), TTL));
        assertThat(same.lines()).containsExactly(line(theirs, 1));
        assertThat(find(order).lines()).containsExactly(line(formula, 1));
    }

    @Test
    void a_malformed_request_is_refused_whole() {
        assertThatThrownBy(() -> as(merchant, () -> reservations.reserve("bad ref", List.of(), Duration.ZERO)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(error -> error.field() + ":" + error.rule())
                        .containsExactly("reference:RESERVATION_REFERENCE_FORM", "ttl:RESERVATION_TTL_RANGE",
                                "lines:RESERVATION_LINES_COUNT"));
        assertThatThrownBy(() -> reserve(unique("ORDER"), line(formula, 0)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(error -> error.field() + ":" + error.rule())
                        .containsExactly("lines[0].quantity:QUANTITY_RANGE"));
        assertThat(level(formula).reserved()).isZero();
    }

    private <T> List<T> race(List<Callable<T>> calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(2, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private Reservation reserve(String reference, ReservationLine... lines) {
        return as(merchant, () -> reservations.reserve(reference, List.of(lines), TTL));
    }

    private ReservationLine line(String sku, long quantity) {
        return new ReservationLine(warehouse, sku, quantity);
    }

    private static List<ReservationLine> sorted(ReservationLine... lines) {
        return java.util.Arrays.stream(lines).sorted(ReservationRequest.LOCK_ORDER).toList();
    }

    private Reservation find(String reference) {
        return as(merchant, () -> reservations.find(reference)).orElseThrow();
    }

    private StockLevel level(String sku) {
        return as(merchant, () -> levels.get(warehouse, sku));
    }

    private void stockOf(String sku, long quantity) {
        as(merchant, () -> stock.set(ADMIN, warehouse, sku, BigDecimal.valueOf(quantity), null));
    }
}
