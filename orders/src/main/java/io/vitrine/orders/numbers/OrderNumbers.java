package io.vitrine.orders.numbers;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.tenancy.BusinessKeyKind;
import io.vitrine.kernel.tenancy.BusinessKeys;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.ChinaTime;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.random.RandomGenerator;

/**
 * Issues order numbers ({@link OrderNumber}) unique across the platform. A number is drawn at random for the day,
 * claimed in {@code order_numbers} (its primary key refuses a number twice, whichever tenant or instance drew it;
 * a refused draw is drawn again) and recorded as the tenant's {@link BusinessKeyKind#ORDER_NO} in kernel
 * {@link BusinessKeys}, so the Alipay notify and customs receipts find the tenant. One billion numbers a day keep
 * redraws rare (at 10,000 orders a day, two draws of a day meet about once in twenty days).
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

    /**
     * A new number of today (China time) for the tenant's order, claimed and committed at once in a transaction of
     * its own: checkout opens the Alipay trade under it before the order's transaction, and a trade must never be
     * opened under a number another order holds (it would open, or close, that order's trade). A checkout refused
     * afterwards leaves the number claimed and unused.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public OrderNumber issue(TenantId tenant) {
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            OrderNumber number = OrderNumber.of(ChinaTime.dateOf(clock.instant()), random.nextLong(1_000_000_000L));
            if (issued.claim(number.value(), tenant, clock.instant().truncatedTo(ChronoUnit.MICROS))) {
                businessKeys.record(tenant, BusinessKeyKind.ORDER_NO, number.value());
                return number;
            }
        }
        throw new IllegalStateException("no free order number after " + MAX_DRAWS + " draws");
    }
}
