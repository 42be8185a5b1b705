package io.vitrine.api.orders;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.orders.payment.reconciliation.BillReconciliation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The daily Alipay bill reconciliation for the shop's retailer admin (issue #5 "Payments"; orders README "Bill
 * reconciliation"): read a China day's report, or run it again now. Always the caller's own tenant: another shop's
 * report cannot be named.
 */
@Controller("/api/v1/payments/reconciliation")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("RETAILER_ADMIN")
@Tag(name = "Payments")
class ReconciliationsController {

    private final BillReconciliation reconciliation;
    private final CurrentTenant currentTenant;
    private final Clock clock;

    ReconciliationsController(BillReconciliation reconciliation, CurrentTenant currentTenant, Clock clock) {
        this.reconciliation = reconciliation;
        this.currentTenant = currentTenant;
        this.clock = clock;
    }

    @Get
    @Operation(summary = "The reconciliation of one China day: outcome, both sides' totals, every difference",
            description = "date: YYYY-MM-DD (China time). 404 when that day was never reconciled; a FAILED run is kept "
                    + "with its reason. Bad date: 400 with the field.")
    ReconciliationView get(@Nullable @QueryValue String date) {
        LocalDate day = day(date, false);
        return ReconciliationView.of(reconciliation.report(currentTenant.require(), day)
                .orElseThrow(() -> new NotFoundException("That day was not reconciled.")));
    }

    @Post
    @Operation(summary = "Reconciles one China day now against Alipay's bill",
            description = "date: YYYY-MM-DD (China time), today at the latest (Alipay publishes a day's bill the next "
                    + "morning: today's run is kept as FAILED with Alipay's reason). Running a day again replaces its "
                    + "report. Bad or future date: 400 with the field.")
    ReconciliationView run(@Nullable @QueryValue String date) {
        LocalDate day = day(date, true);
        return ReconciliationView.of(reconciliation.run(currentTenant.require(), day));
    }

    private LocalDate day(@Nullable String raw, boolean past) {
        FieldChecks checks = new FieldChecks();
        LocalDate day = null;
        if (raw == null || raw.isBlank()) {
            checks.fail("date", "REQUIRED", "is required");
        } else {
            try {
                day = LocalDate.parse(raw.strip());
                if (past && day.isAfter(ChinaTime.today(clock))) {
                    checks.fail("date", "IN_THE_FUTURE", "today at the latest (China time)");
                }
            } catch (DateTimeParseException e) {
                checks.fail("date", "DATE", "a date as YYYY-MM-DD");
            }
        }
        checks.throwIfAny();
        return day;
    }
}
