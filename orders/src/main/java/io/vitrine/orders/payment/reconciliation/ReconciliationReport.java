package io.vitrine.orders.payment.reconciliation;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One run's report for a tenant and China day, kept so staff can read it (the latest run of a day replaces the
 * earlier one). A failed run has no totals and says why.
 *
 * @param billAccount the account the bill names (#账号：[…]), to see it was the tenant's
 */
public record ReconciliationReport(String id, TenantId tenant, LocalDate day, ReconciliationOutcome outcome,
                                   Instant ranAt, @Nullable String billAccount, @Nullable Totals billTotals,
                                   @Nullable Totals ourTotals, int matched, List<Difference> differences,
                                   @Nullable String failure) {

    public ReconciliationReport {
        differences = List.copyOf(differences);
    }

    static ReconciliationReport compared(String id, TenantId tenant, LocalDate day, Instant ranAt, AlipayBill bill,
                                         BillComparison.Result result) {
        return new ReconciliationReport(id, tenant, day,
                result.differences().isEmpty() ? ReconciliationOutcome.MATCHED : ReconciliationOutcome.DIFFERENCES,
                ranAt, bill.account(), result.billTotals(), result.ourTotals(), result.matched(), result.differences(), null);
    }

    static ReconciliationReport failed(String id, TenantId tenant, LocalDate day, Instant ranAt, String failure) {
        return new ReconciliationReport(id, tenant, day, ReconciliationOutcome.FAILED, ranAt, null, null, null, 0,
                List.of(), failure);
    }
}
