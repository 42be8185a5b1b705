package io.vitrine.oversight.display;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.tabular.TabularFormat;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.ChinaTime;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * The current tenant's own reconciliation report (retailer admins), as JSON or a file. A park's report of its
 * members is {@link ParkDisplay#report}.
 */
@Singleton
public class DisplayReports {

    private final DisplayLedger ledger;
    private final DisplayReport report;
    private final ReportSheet sheet;
    private final CurrentTenant currentTenant;

    DisplayReports(DisplayLedger ledger, DisplayReport report, ReportSheet sheet, CurrentTenant currentTenant) {
        this.ledger = ledger;
        this.report = report;
        this.sheet = sheet;
        this.currentTenant = currentTenant;
    }

    @Transactional(readOnly = true)
    public DisplayReconciliation own() {
        TenantId tenant = currentTenant.require();
        return report.of(List.of(new DisplayReport.Part(tenant, ledger.accounts(tenant))));
    }

    /** The report as CSV or XLSX. */
    public ReportFile file(DisplayReconciliation reconciliation, TabularFormat format) {
        return new ReportFile(sheet.write(reconciliation, format), format.contentType(),
                ReportSheet.filename(format, ChinaTime.dateOf(reconciliation.generatedAt())));
    }

    /** {@code json} (or none), {@code csv}, {@code xlsx}; anything else is 400 naming {@code format}. */
    public static Optional<TabularFormat> format(@Nullable String format) {
        if (format == null || format.isBlank() || format.equals("json")) {
            return Optional.empty();
        }
        return Optional.of(TabularFormat.named(format).filter(f -> f.extension().equalsIgnoreCase(format.strip()))
                .orElseThrow(() -> InvalidInputException.of("format", "NOT_ONE_OF", "json, csv or xlsx")));
    }
}
