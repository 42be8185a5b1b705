package io.vitrine.api.customs;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.customs.tax.TaxReconciliation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/v1/declarations/tax-reconciliation?from=&to=} (api.md): the caller's tenant's CEB816 tax bills of
 * those China days against the tax its orders collected, for its admins. Amounts in fen. Bad or missing days: 400
 * problem+json naming {@code from} / {@code to}. A literal path, so it wins over {@code /declarations/{orderNo}}.
 */
@Controller("/api/v1/declarations/tax-reconciliation")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("RETAILER_ADMIN")
@Tag(name = "Declarations")
class TaxReconciliationController {

    private final TaxReconciliation reconciliation;

    TaxReconciliationController(TaxReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Get
    @Operation(summary = "CEB816 tax bills against the tax collected, differences listed",
            description = "from, to: China days YYYY-MM-DD (inclusive, at most 366 days). Per order: the bills' "
                    + "customsTax + valueAddedTax + consumptionTax (void bills left out) against the order's taxFen; "
                    + "bills with no order; orders released at least overdueAfterDays ago without a bill.")
    ReportView reconcile(@Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        return ReportView.of(reconciliation.reconcile(from, to));
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS) // every list of the report, also when empty
    record ReportView(LocalDate from, LocalDate to, int overdueAfterDays, List<LineView> matched,
                      List<LineView> differences, List<OrphanView> billsWithoutOrder,
                      List<ReleasedView> releasedWithoutBill) {

        static ReportView of(TaxReconciliation.Report r) {
            return new ReportView(r.from(), r.to(), r.overdueAfterDays(),
                    r.matched().stream().map(LineView::of).toList(),
                    r.differences().stream().map(LineView::of).toList(),
                    r.billsWithoutOrder().stream().map(o -> new OrphanView(o.taxNo(), o.invtNo(), o.billed().fen(),
                            o.returnTime())).toList(),
                    r.releasedWithoutBill().stream().map(u -> new ReleasedView(u.orderNo(), u.releasedAt())).toList());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record LineView(String orderNo, List<String> taxNos, String invtNo, long customsTaxFen, long valueAddedTaxFen,
                    long consumptionTaxFen, long billedFen, long collectedFen, long differenceFen) {

        static LineView of(TaxReconciliation.Line l) {
            return new LineView(l.orderNo(), l.taxNos(), l.invtNo(), l.customsTax().fen(), l.valueAddedTax().fen(),
                    l.consumptionTax().fen(), l.billed().fen(), l.collected().fen(), l.difference().fen());
        }
    }

    @Serdeable
    record OrphanView(String taxNo, String invtNo, long billedFen, Instant returnTime) {
    }

    @Serdeable
    record ReleasedView(String orderNo, Instant releasedAt) {
    }
}
