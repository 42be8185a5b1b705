package io.vitrine.orders.numbers;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.tenancy.BusinessKeyKind;
import io.vitrine.kernel.tenancy.BusinessKeys;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.ChinaTime;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.random.RandomGenerator;

/**
 * Issues order numbers ({@link OrderNumber}) unique across the platform. A number is drawn at random for the day,
 * claimed in {@code order_numbers} (its primary key refuses a number twice, whichever tenant or instance drew it;
 * a refused draw is drawn again) and recorded as the tenant's {@link BusinessKeyKind#ORDER_NO} in kernel
 * {@link BusinessKeys}, so the Alipay notify and customs receipts find the tenant. Both in the caller's transaction:
 * an order that rolls back takes its number with it. One billion numbers a day keep redraws rare.
 */
@Singleton
public class OrderNumbers {

    static final int MAX_DRAWS = 10;

    private final IssuedOrderNumbers issued;
    private final BusinessKeys businessKeys;
    private final Clock clock;
    private final RandomGenerator random;

    @Inject
    OrderNumbers(IssuedOrderNumbers issued, BusinessKeys businessKeys, Clock clock) {
        this(issued, businessKeys, clock, new SecureRandom());
    }

    OrderNumbers(IssuedOrderNumbers issued, BusinessKeys businessKeys, Clock clock, RandomGenerator random) {
        this.issued = issued;
        this.businessKeys = businessKeys;
        this.clock = clock;
        this.random = random;
    }

    /** A new number of today (China time) for the tenant's order. */
    @Transactional
    public OrderNumber issue(TenantId tenant) {
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            OrderNumber number = draw(clock.instant());
            if (claim(tenant, number)) {
                return number;
            }
        }
        throw new IllegalStateException("no free order number after " + MAX_DRAWS + " draws");
    }

    /**
     * A number for an order placed at {@code at}, drawn but not yet claimed: checkout opens the Alipay trade under
     * it before its transaction, then {@link #claim}s it there.
     */
    public OrderNumber draw(Instant at) {
        return OrderNumber.of(ChinaTime.dateOf(at), random.nextLong(1_000_000_000L));
    }

    /** Claims a drawn number for the tenant in the caller's transaction; false when it is taken (draw again). */
    @Transactional
    public boolean claim(TenantId tenant, OrderNumber number) {
        if (!issued.claim(number.value(), tenant, clock.instant().truncatedTo(ChronoUnit.MICROS))) {
            return false;
        }
        businessKeys.record(tenant, BusinessKeyKind.ORDER_NO, number.value());
        return true;
    }
}
