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
import java.time.temporal.ChronoUnit;
import java.util.random.RandomGenerator;

/**
 * Issues return numbers ({@link ReturnNumber}) unique across the platform, as {@link OrderNumbers} issues order
 * numbers: drawn at random for the day, claimed in {@code return_numbers} (a taken draw is drawn again) and recorded as
 * the tenant's {@link BusinessKeyKind#RETURN_NO}, so customs' CEB625 receipts find the tenant. In the caller's
 * transaction: a return that rolls back takes its number with it.
 */
@Singleton
public class ReturnNumbers {

    private final IssuedOrderNumbers issued;
    private final BusinessKeys businessKeys;
    private final Clock clock;
    private final RandomGenerator random;

    @Inject
    ReturnNumbers(IssuedOrderNumbers issued, BusinessKeys businessKeys, Clock clock) {
        this(issued, businessKeys, clock, new SecureRandom());
    }

    ReturnNumbers(IssuedOrderNumbers issued, BusinessKeys businessKeys, Clock clock, RandomGenerator random) {
        this.issued = issued;
        this.businessKeys = businessKeys;
        this.clock = clock;
        this.random = random;
    }

    /** A new number of today (China time) for the tenant's return. */
    @Transactional
    public ReturnNumber issue(TenantId tenant) {
        for (int draw = 0; draw < OrderNumbers.MAX_DRAWS; draw++) {
            ReturnNumber number = ReturnNumber.of(ChinaTime.today(clock), random.nextLong(1_000_000_000L));
            if (issued.claimReturn(number.value(), tenant, clock.instant().truncatedTo(ChronoUnit.MICROS))) {
                businessKeys.record(tenant, BusinessKeyKind.RETURN_NO, number.value());
                return number;
            }
        }
        throw new IllegalStateException("no free return number after " + OrderNumbers.MAX_DRAWS + " draws");
    }
}
