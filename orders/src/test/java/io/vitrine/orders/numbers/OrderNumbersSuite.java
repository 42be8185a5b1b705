package io.vitrine.orders.numbers;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.tenancy.BusinessKeyKind;
import io.vitrine.kernel.tenancy.BusinessKeys;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.testing.MutableClock;
import io.vitrine.kernel.time.ChinaTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Order numbers on H2 and MariaDB: each recorded as its tenant's business key, rolled back with its order, and
 * unique under concurrency even when the random draws collide on purpose (a generator over a tiny range).
 */
abstract class OrderNumbersSuite {

    private OrderNumbers numbers;
    private BusinessKeys businessKeys;
    private TransactionOperations<Connection> transactions;
    private MutableClock clock;
    private TenantId storeA;
    private TenantId storeB;

    protected abstract ApplicationContext context();

    @BeforeEach
    @SuppressWarnings("unchecked")
    void beans() {
        numbers = context().getBean(OrderNumbers.class);
        businessKeys = context().getBean(BusinessKeys.class);
        transactions = context().getBean(TransactionOperations.class);
        clock = context().getBean(MutableClock.class);
        storeA = TenantId.of(UUID.randomUUID().toString());
        storeB = TenantId.of(UUID.randomUUID().toString());
    }

    @Test
    void a_number_is_of_todays_date_in_china_and_names_its_tenant() {
        OrderNumber number = numbers.issue(storeA);

        LocalDate today = ChinaTime.dateOf(clock.instant());
        assertThat(number.value()).startsWith("V" + DateTimeFormatter.ofPattern("yyMMdd").format(today));
        assertThat(OrderNumber.isValid(number.value())).isTrue();
        assertThat(businessKeys.tenantOf(BusinessKeyKind.ORDER_NO, number.value())).contains(storeA);
    }

    @Test
    void a_number_stays_claimed_when_its_order_fails_so_no_other_order_opens_a_trade_under_it() {
        List<OrderNumber> issued = new ArrayList<>();

        assertThatThrownBy(() -> transactions.executeWrite(status -> {
            issued.add(numbers.issue(storeA)); // committed on its own: the Alipay trade is opened under it next
            throw new IllegalStateException("the order failed");
        })).hasMessage("the order failed");

        assertThat(businessKeys.tenantOf(BusinessKeyKind.ORDER_NO, issued.get(0).value())).contains(storeA);
    }

    @Test
    void numbers_stay_unique_across_tenants_and_threads_when_draws_collide() throws Exception {
        // 400 numbers out of 2,000 possible: about one draw in ten collides with an issued number or a racing twin
        long base = new SplittableRandom().nextLong(0, 999_000_000L);
        RandomGenerator tiny = new RandomGenerator() {
            private final SplittableRandom random = new SplittableRandom();

            @Override
            public synchronized long nextLong() {
                return random.nextLong();
            }

            @Override
            public synchronized long nextLong(long bound) {
                return base + random.nextLong(2_000);
            }
        };
        OrderNumbers colliding = new OrderNumbers(context().getBean(IssuedOrderNumbers.class), businessKeys, clock, tiny);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < 8; t++) {
                TenantId tenant = t % 2 == 0 ? storeA : storeB;
                results.add(threads.submit(() -> {
                    start.await();
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        mine.add(transactions.executeWrite(status -> colliding.issue(tenant)).value()); // as an order would
                    }
                    return mine;
                }));
            }
            start.countDown();
            List<String> all = new ArrayList<>();
            for (Future<List<String>> result : results) {
                all.addAll(result.get(2, TimeUnit.MINUTES));
            }

            Set<String> distinct = new HashSet<>(all);
            assertThat(all).hasSize(400);
            assertThat(distinct).hasSize(400);
            for (int t = 0; t < 8; t++) {
                TenantId tenant = t % 2 == 0 ? storeA : storeB;
                for (String number : results.get(t).get()) {
                    assertThat(businessKeys.tenantOf(BusinessKeyKind.ORDER_NO, number)).contains(tenant);
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
