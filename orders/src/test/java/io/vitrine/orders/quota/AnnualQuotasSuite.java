package io.vitrine.orders.quota;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.codes.ResidentIdNumber;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.privacy.BlindIndex;
import io.vitrine.kernel.privacy.PersonalDataKind;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.compliance.CheckoutRefusedException;
import io.vitrine.orders.testing.TestBuyers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The platform-wide annual quota ledger, run on H2 and on MariaDB: the 26,000 CNY limit at its boundary, the
 * calendar year in China time, reserve / consume / release / reduce each once per reference, one person across
 * tenants, and 50 concurrent reservations of one person through two tenants that never overshoot.
 */
abstract class AnnualQuotasSuite {

    static final Instant ORDERED = Instant.parse("2026-11-30T10:00:00Z");
    static final Year Y2026 = Year.of(2026);

    private AnnualQuotas quotas;
    private TenantId storeA;
    private TenantId storeB;
    private ResidentIdNumber buyer;

    protected abstract ApplicationContext context();

    @BeforeEach
    void aBuyerOfTheirOwn() {
        quotas = context().getBean(AnnualQuotas.class);
        storeA = TenantId.of(UUID.randomUUID().toString());
        storeB = TenantId.of(UUID.randomUUID().toString());
        buyer = TestBuyers.newBuyer();
    }

    @Test
    void exactly_26000_fits_and_one_fen_more_is_refused_changing_nothing() {
        reserve(storeA, order(), "20000.00");
        AnnualQuota full = reserve(storeA, order(), "6000.00");

        assertThat(full.held()).isEqualTo(yuan("26000.00"));
        assertThat(full.remaining()).isEqualTo(Money.ZERO);
        String refused = order();
        assertThatThrownBy(() -> reserve(storeB, refused, "0.01"))
                .isInstanceOfSatisfying(CheckoutRefusedException.class, e -> {
                    assertThat(e.code()).isEqualTo("ANNUAL_LIMIT_EXCEEDED");
                    assertThat(e.getMessage()).contains("you can still buy ¥0.00");
                });
        assertThat(quotas.standing(buyer, Y2026)).isEqualTo(new AnnualQuota(Y2026, yuan("26000.00"), Money.ZERO));
        assertThatThrownBy(() -> as(storeB, () -> quotas.consume(refused))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void the_year_is_chinas_calendar_year_of_the_order() {
        Instant lastMomentOf2026 = Instant.parse("2026-12-31T15:59:59.999999Z");
        Instant firstMomentOf2027 = Instant.parse("2026-12-31T16:00:00Z"); // midnight in Shanghai

        as(storeA, () -> quotas.reserve(order(), buyer, lastMomentOf2026, yuan("26000.00")));
        assertThatThrownBy(() -> as(storeA, () -> quotas.reserve(order(), buyer, lastMomentOf2026, yuan("0.01"))))
                .isInstanceOf(CheckoutRefusedException.class);
        AnnualQuota next = as(storeA, () -> quotas.reserve(order(), buyer, firstMomentOf2027, yuan("26000.00")));

        assertThat(next.year()).isEqualTo(Year.of(2027));
        assertThat(quotas.standing(buyer, Y2026).held()).isEqualTo(yuan("26000.00"));
        assertThat(quotas.standing(buyer, Year.of(2027)).held()).isEqualTo(yuan("26000.00"));
    }

    @Test
    void an_order_reserves_then_consumes_and_a_return_reduces_the_year_again() {
        String orderNo = order();
        reserve(storeA, orderNo, "3000.00");

        AnnualQuota paid = as(storeA, () -> quotas.consume(orderNo));
        AnnualQuota returned = as(storeA, () -> quotas.reduce(ret(orderNo, 1), orderNo, yuan("1000.00")));

        assertThat(paid).isEqualTo(new AnnualQuota(Y2026, Money.ZERO, yuan("3000.00")));
        assertThat(returned).isEqualTo(new AnnualQuota(Y2026, Money.ZERO, yuan("2000.00")));
        assertThat(quotas.standing(buyer, Y2026)).isEqualTo(returned);
        assertThatThrownBy(() -> as(storeA, () -> quotas.reduce(ret(orderNo, 2), orderNo, yuan("2000.01"))))
                .isInstanceOf(ConflictException.class);
        as(storeA, () -> quotas.reduce(ret(orderNo, 2), orderNo, yuan("2000.00")));
        assertThat(quotas.standing(buyer, Y2026).held()).isEqualTo(Money.ZERO);
    }

    @Test
    void every_operation_counts_once_per_reference() {
        String orderNo = order();
        reserve(storeA, orderNo, "3000.00");
        reserve(storeA, orderNo, "3000.00");
        assertThat(quotas.standing(buyer, Y2026).reserved()).isEqualTo(yuan("3000.00"));
        assertThatThrownBy(() -> reserve(storeA, orderNo, "3000.01")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> reserve(storeB, orderNo, "3000.00")).isInstanceOf(ConflictException.class);

        as(storeA, () -> quotas.consume(orderNo));
        as(storeA, () -> quotas.consume(orderNo));
        as(storeA, () -> quotas.reduce(ret(orderNo, 1), orderNo, yuan("500.00")));
        as(storeA, () -> quotas.reduce(ret(orderNo, 1), orderNo, yuan("500.00")));
        assertThatThrownBy(() -> as(storeA, () -> quotas.reduce(ret(orderNo, 1), orderNo, yuan("600.00"))))
                .isInstanceOf(ConflictException.class);

        assertThat(quotas.standing(buyer, Y2026)).isEqualTo(new AnnualQuota(Y2026, Money.ZERO, yuan("2500.00")));
        assertThat(movements(orderNo)).isEqualTo(3);
    }

    @Test
    void release_gives_back_what_the_order_still_holds_whether_paid_or_not() {
        String unpaid = order();
        String paidThenRejected = order();
        reserve(storeA, unpaid, "1000.00");
        reserve(storeA, paidThenRejected, "5000.00");
        as(storeA, () -> quotas.consume(paidThenRejected));
        as(storeA, () -> quotas.reduce(ret(paidThenRejected, 1), paidThenRejected, yuan("1500.00")));

        as(storeA, () -> quotas.release(unpaid));               // closed unpaid
        as(storeA, () -> quotas.release(paidThenRejected));     // finally rejected by customs after payment
        as(storeA, () -> quotas.release(paidThenRejected));

        assertThat(quotas.standing(buyer, Y2026)).isEqualTo(new AnnualQuota(Y2026, Money.ZERO, Money.ZERO));
        assertThatThrownBy(() -> as(storeA, () -> quotas.consume(unpaid))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> as(storeA, () -> quotas.reduce(ret(unpaid, 1), unpaid, yuan("1.00"))))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void a_return_reduces_only_a_paid_order() {
        String orderNo = order();
        reserve(storeA, orderNo, "1000.00");

        assertThatThrownBy(() -> as(storeA, () -> quotas.reduce(ret(orderNo, 1), orderNo, yuan("1.00"))))
                .isInstanceOf(ConflictException.class);
        assertThat(quotas.standing(buyer, Y2026).reserved()).isEqualTo(yuan("1000.00"));
    }

    @Test
    void one_person_is_one_account_whatever_the_tenant_but_a_tenant_moves_only_its_own_orders() {
        String ofA = order();
        reserve(storeA, ofA, "20000.00");

        assertThatThrownBy(() -> reserve(storeB, order(), "6000.01")).isInstanceOf(CheckoutRefusedException.class);
        reserve(storeB, order(), "6000.00");
        assertThatThrownBy(() -> as(storeB, () -> quotas.consume(ofA))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(storeB, () -> quotas.release(ofA))).isInstanceOf(NotFoundException.class);
        assertThat(quotas.standing(buyer, Y2026).reserved()).isEqualTo(yuan("26000.00"));
    }

    @Test
    void the_ledger_keeps_the_id_numbers_blind_index_never_the_number() throws Exception {
        reserve(storeA, order(), "10.00");
        String index = context().getBean(BlindIndex.class).of(PersonalDataKind.ID_NUMBER, buyer.value());

        assertThat(count("SELECT COUNT(*) FROM annual_quotas WHERE buyer_index = ?", index)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM annual_quotas WHERE buyer_index = ?", buyer.value())).isZero();
        assertThat(count("SELECT COUNT(*) FROM annual_quota_movements WHERE buyer_index = ?", index)).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_reservation_rolls_back_with_its_order() {
        TransactionOperations<Connection> tx = context().getBean(TransactionOperations.class);
        String orderNo = order();

        assertThatThrownBy(() -> tx.executeWrite(status -> {
            reserve(storeA, orderNo, "25000.00");
            throw new IllegalStateException("the order failed");
        })).hasMessage("the order failed");

        assertThat(quotas.standing(buyer, Y2026).held()).isEqualTo(Money.ZERO);
        assertThat(reserve(storeA, orderNo, "26000.00").reserved()).isEqualTo(yuan("26000.00"));
    }

    @Test
    void the_same_order_reserved_from_ten_threads_at_once_counts_once() throws Exception {
        String orderNo = order();
        ExecutorService threads = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<AnnualQuota>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                results.add(threads.submit(() -> {
                    start.await();
                    return reserve(storeA, orderNo, "2000.00");
                }));
            }
            start.countDown();
            for (Future<AnnualQuota> result : results) {
                assertThat(result.get(2, TimeUnit.MINUTES).reserved()).isEqualTo(yuan("2000.00"));
            }
            assertThat(quotas.standing(buyer, Y2026).reserved()).isEqualTo(yuan("2000.00"));
            assertThat(movements(orderNo)).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void fifty_concurrent_reservations_of_one_person_through_two_tenants_never_overshoot() throws Exception {
        reserve(storeA, order(), "500.00");
        int attempts = 50;
        ExecutorService threads = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger refused = new AtomicInteger();
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                TenantId tenant = i % 2 == 0 ? storeA : storeB;
                String orderNo = order();
                results.add(threads.submit(() -> {
                    start.await();
                    try {
                        reserve(tenant, orderNo, "1000.00");
                        return true;
                    } catch (CheckoutRefusedException e) {
                        refused.incrementAndGet();
                        return false;
                    }
                }));
            }
            start.countDown();
            int reserved = 0;
            for (Future<Boolean> result : results) {
                reserved += result.get(2, TimeUnit.MINUTES) ? 1 : 0;
            }

            assertThat(reserved).isEqualTo(25); // 500.00 + 25 x 1,000.00 = 25,500.00; a 26th would pass 26,000
            assertThat(refused.get()).isEqualTo(25);
            assertThat(quotas.standing(buyer, Y2026)).isEqualTo(new AnnualQuota(Y2026, yuan("25500.00"), Money.ZERO));
        } finally {
            threads.shutdownNow();
        }
    }

    private AnnualQuota reserve(TenantId tenant, String orderNo, String amount) {
        return as(tenant, () -> quotas.reserve(orderNo, buyer, ORDERED, yuan(amount)));
    }

    private static <T> T as(TenantId tenant, Callable<T> work) {
        return TenantContext.callAs(tenant, () -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private int movements(String orderNo) {
        return count("SELECT COUNT(*) FROM annual_quota_movements WHERE order_no = ?", orderNo);
    }

    @SuppressWarnings("unchecked")
    private int count(String sql, String parameter) {
        TransactionOperations<Connection> tx = context().getBean(TransactionOperations.class);
        return tx.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(sql)) {
                select.setString(1, parameter);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String order() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    private static String ret(String orderNo, int n) {
        return "R" + orderNo + "-" + n;
    }

    private static Money yuan(String amount) {
        return Money.parse(amount);
    }
}
