package io.vitrine.orders.payment.reconciliation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Lines up a bill with our books, entry by entry (a payment by out_trade_no, a refund by out_trade_no and
 * out_request_no), and names every disagreement with both sides. Pure: the same inputs give the same comparison.
 *
 * <p>Our totals count only what we hold as completed: that is the figure that should equal the bill's.
 */
public final class BillComparison {

    private BillComparison() {
    }

    public record Result(Totals billTotals, Totals ourTotals, int matched, List<Difference> differences) {
        public Result {
            differences = List.copyOf(differences);
        }
    }

    public static Result compare(AlipayBill bill, List<ExpectedPayment> ours) {
        Map<PaymentEntry.Key, ExpectedPayment> expected = new LinkedHashMap<>();
        for (ExpectedPayment payment : ours) {
            expected.merge(payment.entry().key(), payment, (a, b) -> {
                throw new IllegalArgumentException("our books list " + a.entry().key() + " twice");
            });
        }
        List<Difference> differences = new ArrayList<>();
        Set<PaymentEntry.Key> seen = new HashSet<>();
        int matched = 0;
        for (PaymentEntry line : bill.entries()) {
            if (!seen.add(line.key())) {
                differences.add(Difference.of(DifferenceKind.DUPLICATE_AT_ALIPAY, line, expected.get(line.key())));
                continue;
            }
            ExpectedPayment our = expected.get(line.key());
            DifferenceKind kind = disagreement(line, our);
            if (kind == null) {
                matched++;
            } else {
                differences.add(Difference.of(kind, line, our));
            }
        }
        for (ExpectedPayment our : expected.values()) {
            if (our.completed() && !seen.contains(our.entry().key())) {
                differences.add(Difference.of(DifferenceKind.MISSING_AT_ALIPAY, null, our));
            }
        }
        differences.sort(Comparator.comparing(Difference::outTradeNo)
                .thenComparing(d -> d.outRequestNo() == null ? "" : d.outRequestNo())
                .thenComparing(Difference::kind));
        Totals ourTotals = Totals.of(ours.stream().filter(ExpectedPayment::completed).map(ExpectedPayment::entry).toList());
        return new Result(bill.totals(), ourTotals, matched, differences);
    }

    /** The first thing that disagrees, or null when the line matches ours. */
    private static DifferenceKind disagreement(PaymentEntry line, ExpectedPayment our) {
        if (our == null) {
            return DifferenceKind.MISSING_AT_OURS;
        }
        if (!our.completed()) {
            return DifferenceKind.STATUS_DIFFERS;
        }
        if (!line.amount().equals(our.entry().amount())) {
            return DifferenceKind.AMOUNT_DIFFERS;
        }
        if (our.entry().tradeNo() != null && !Objects.equals(line.tradeNo(), our.entry().tradeNo())) {
            return DifferenceKind.TRADE_NO_DIFFERS;
        }
        return null;
    }
}
