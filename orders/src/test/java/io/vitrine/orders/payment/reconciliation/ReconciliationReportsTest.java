package io.vitrine.orders.payment.reconciliation;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.testing.OrdersContexts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Reports kept and read back on both databases (migration V24), a rerun replacing the day's report and its lines. */
class ReconciliationReportsTest {

    private static ApplicationContext context(String database) {
        return "mariadb".equals(database) ? OrdersContexts.mariaDb() : OrdersContexts.h2();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void a_report_is_kept_with_its_differences_and_a_rerun_replaces_it(String database) {
        ReconciliationReports reports = context(database).getBean(ReconciliationReports.class);
        TenantId tenant = TenantId.of("recon-" + UUID.randomUUID().toString().substring(0, 8));
        LocalDate day = LocalDate.of(2026, 11, 29);
        Totals bill = new Totals(2, Money.parse("5012.34"), 1, Money.parse("100.50"));
        ReconciliationReport first = new ReconciliationReport(UUID.randomUUID().toString(), tenant, day,
                ReconciliationOutcome.DIFFERENCES, Instant.parse("2026-11-30T02:30:00.123456Z"), "2021000000001234",
                bill, new Totals(1, Money.parse("12.34"), 1, Money.parse("100.50")), 2, List.of(
                new Difference(DifferenceKind.MISSING_AT_OURS, EntryKind.PAYMENT, "V2", null, "T2", null,
                        Money.parse("5000.00"), null),
                new Difference(DifferenceKind.AMOUNT_DIFFERS, EntryKind.REFUND, "V3", "R1", "T3", "T3",
                        Money.parse("1.00"), Money.parse("2.00"))), null);

        reports.save(first);
        assertThat(reports.find(tenant, day)).hasValue(first);
        assertThat(reports.find(tenant, day.plusDays(1))).isEmpty();
        assertThat(reports.find(TenantId.of("someone-else"), day)).isEmpty();

        ReconciliationReport failed = new ReconciliationReport(UUID.randomUUID().toString(), tenant, day,
                ReconciliationOutcome.FAILED, Instant.parse("2026-11-30T03:00:00Z"), null, null, null, 0, List.of(),
                "the bill has no footer");
        reports.save(failed);
        assertThat(reports.find(tenant, day)).hasValue(failed);
    }
}
