package io.vitrine.orders.payment.reconciliation;

import io.vitrine.kernel.money.Money;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The comparison's edge cases that a real gateway does not produce: a line billed twice, our books listing one twice. */
class BillComparisonTest {

    private static final PaymentEntry PAID = PaymentEntry.payment("V1", "T1", Money.parse("10.00"));

    @Test
    void a_line_billed_twice_is_a_duplicate_and_counts_in_the_bill_totals() {
        BillComparison.Result result = BillComparison.compare(new AlipayBill("a", List.of(PAID, PAID)),
                List.of(ExpectedPayment.completed(PAID)));

        assertThat(result.matched()).isEqualTo(1);
        assertThat(result.differences()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DifferenceKind.DUPLICATE_AT_ALIPAY);
            assertThat(d.billAmount()).isEqualTo(Money.parse("10.00"));
        });
        assertThat(result.billTotals().paymentsAmount()).isEqualTo(Money.parse("20.00"));
    }

    @Test
    void a_refund_and_the_payment_of_the_same_order_are_told_apart() {
        PaymentEntry refund = PaymentEntry.refund("V1", "T1", "R1", Money.parse("10.00"));
        BillComparison.Result result = BillComparison.compare(new AlipayBill("a", List.of(PAID, refund)),
                List.of(ExpectedPayment.completed(PAID)));

        assertThat(result.differences()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DifferenceKind.MISSING_AT_OURS);
            assertThat(d.entryKind()).isEqualTo(EntryKind.REFUND);
            assertThat(d.outRequestNo()).isEqualTo("R1");
        });
    }

    @Test
    void our_books_listing_an_entry_twice_is_a_bug_not_a_difference() {
        assertThatThrownBy(() -> BillComparison.compare(new AlipayBill("a", List.of()),
                List.of(ExpectedPayment.completed(PAID), ExpectedPayment.completed(PAID))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
