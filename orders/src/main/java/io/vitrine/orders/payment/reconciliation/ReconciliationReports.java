package io.vitrine.orders.payment.reconciliation;

import io.vitrine.kernel.tenancy.TenantId;

import java.time.LocalDate;
import java.util.Optional;

/** Where reports are kept: one per tenant and day, the latest run's. */
public interface ReconciliationReports {

    /** Keeps the report, replacing an earlier run of the same tenant and day. */
    void save(ReconciliationReport report);

    Optional<ReconciliationReport> find(TenantId tenant, LocalDate day);
}
