package io.vitrine.orders.payment.reconciliation;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.vitrine.kernel.cache.DistributedLocks;
import io.vitrine.kernel.cache.ScopedKey;
import io.vitrine.kernel.cache.SingleInstanceRound;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.ChinaTime;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Every day ({@code vitrine.payments.alipay.reconciliation.daily-cron}, China time; Alipay publishes a day's bill
 * after 09:00 the next day) reconciles the previous China day for each tenant with Alipay set up. Every instance
 * schedules it; the first to take the kernel's distributed lock for that day runs it and keeps the lock for the
 * day, so the others skip (ShedLock's "lock at least for"; the same pattern as the stock reservation expiry). When
 * the lock store is unreachable it runs anyway: a second run of a day only replaces the report with an equal one.
 */
@Singleton
@Requires(beans = ExpectedPayments.class)
@Requires(property = "vitrine.payments.alipay.reconciliation.daily-enabled", value = "true", defaultValue = "true")
class DailyBillReconciliation {

    private static final Logger LOG = LoggerFactory.getLogger(DailyBillReconciliation.class);
    private static final Duration HOLD = Duration.ofHours(20);

    private final BillReconciliation reconciliation;
    private final AlipayMerchants merchants;
    private final DistributedLocks locks;
    private final Clock clock;

    DailyBillReconciliation(BillReconciliation reconciliation, AlipayMerchants merchants, DistributedLocks locks,
                            Clock clock) {
        this.reconciliation = reconciliation;
        this.merchants = merchants;
        this.locks = locks;
        this.clock = clock;
    }

    @Scheduled(cron = "${vitrine.payments.alipay.reconciliation.daily-cron:0 30 10 * * *}", zoneId = "Asia/Shanghai")
    void run() {
        try {
            round(ChinaTime.today(clock).minusDays(1))
                    .ifPresent(count -> LOG.info("alipay bill reconciliation: {} tenants reconciled", count));
        } catch (RuntimeException e) {
            LOG.warn("alipay bill reconciliation: the daily round failed", e);
        }
    }

    /** Reconciles {@code day} for every Alipay tenant; how many, or empty when another instance has the day. */
    Optional<Integer> round(LocalDate day) {
        ScopedKey lock = ScopedKey.platform("alipay-bill-reconciliation", day.toString());
        return new SingleInstanceRound(locks, lock, HOLD, "alipay bill reconciliation").run(() -> {
            int count = 0;
            for (TenantId tenant : merchants.withAlipay()) {
                reconciliation.run(tenant, day); // a failure is kept as that tenant's FAILED report, the others go on
                count++;
            }
            return count;
        });
    }
}
