package io.vitrine.api.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.kernel.money.Money;
import io.vitrine.orders.payment.reconciliation.Difference;
import io.vitrine.orders.payment.reconciliation.ReconciliationReport;
import io.vitrine.orders.payment.reconciliation.Totals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A reconciliation report as staff read it; amounts in fen; every field, also when empty or null. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record ReconciliationView(LocalDate date, String outcome, Instant ranAt, @Nullable String billAccount,
                          @Nullable TotalsView bill, @Nullable TotalsView ours, int matched,
                          List<DifferenceView> differences, @Nullable String failure) {

    static ReconciliationView of(ReconciliationReport report) {
        return new ReconciliationView(report.day(), report.outcome().name(), report.ranAt(), report.billAccount(),
                TotalsView.of(report.billTotals()), TotalsView.of(report.ourTotals()), report.matched(),
                report.differences().stream().map(DifferenceView::of).toList(), report.failure());
    }

    @Serdeable
    record TotalsView(int payments, long paymentsFen, int refunds, long refundsFen, long netFen) {

        @Nullable
        static TotalsView of(@Nullable Totals totals) {
            return totals == null ? null : new TotalsView(totals.payments(), totals.paymentsAmount().fen(),
                    totals.refunds(), totals.refundsAmount().fen(), totals.net().fen());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DifferenceView(String kind, String entryKind, String outTradeNo, @Nullable String outRequestNo,
                          @Nullable String billTradeNo, @Nullable String ourTradeNo, @Nullable Long billAmountFen,
                          @Nullable Long ourAmountFen) {

        static DifferenceView of(Difference difference) {
            return new DifferenceView(difference.kind().name(), difference.entryKind().name(),
                    difference.outTradeNo(), difference.outRequestNo(), difference.billTradeNo(),
                    difference.ourTradeNo(), fen(difference.billAmount()), fen(difference.ourAmount()));
        }

        @Nullable
        private static Long fen(@Nullable Money amount) {
            return amount == null ? null : amount.fen();
        }
    }
}
