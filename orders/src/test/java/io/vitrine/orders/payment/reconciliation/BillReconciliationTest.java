package io.vitrine.orders.payment.reconciliation;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.payment.PaymentGateway;
import io.vitrine.orders.payment.PaymentTesting;
import io.vitrine.orders.payment.RefundRequest;
import io.vitrine.orders.payment.TradeRequest;
import io.vitrine.tools.fakealipay.FakeAlipay;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static io.vitrine.orders.payment.reconciliation.DifferenceKind.AMOUNT_DIFFERS;
import static io.vitrine.orders.payment.reconciliation.DifferenceKind.MISSING_AT_ALIPAY;
import static io.vitrine.orders.payment.reconciliation.DifferenceKind.MISSING_AT_OURS;
import static io.vitrine.orders.payment.reconciliation.DifferenceKind.STATUS_DIFFERS;
import static io.vitrine.orders.payment.reconciliation.DifferenceKind.TRADE_NO_DIFFERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily reconciliation end to end: the real SDK adapter asks the fake gateway for the bill address, the fake
 * writes the bill of what was really paid and refunded through it, our books come from a fixture, and the report is
 * kept in the database (H2, migration V24) and read back.
 */
class BillReconciliationTest {

    private static final AtomicLong ORDERS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final ApplicationContext context = PaymentTesting.context();
    private final FakeAlipay fake = PaymentTesting.fake();
    private final PaymentGateway gateway = context.getBean(PaymentGateway.class);
    private final BillReconciliation reconciliation = context.getBean(BillReconciliation.class);
    private final FixtureExpectedPayments books = context.getBean(FixtureExpectedPayments.class);

    /** A paid trade: what the fake billed (trade number, amount, China day of payment). */
    private record Paid(String orderNo, String tradeNo, Money amount, LocalDate day) {
        PaymentEntry entry() {
            return PaymentEntry.payment(orderNo, tradeNo, amount);
        }
    }

    private Paid pay(TenantId tenant, String amount) {
        String orderNo = orderNo();
        gateway.precreate(tenant, new TradeRequest(orderNo, Money.parse(amount), "奶粉 900克", Duration.ofMinutes(15)));
        FakeAlipay.Payment payment = fake.pay(orderNo);
        return new Paid(orderNo, payment.trade().tradeNo(), Money.parse(amount),
                LocalDate.parse(payment.trade().paidAt().substring(0, 10)));
    }

    private static String orderNo() {
        return "V" + ORDERS.incrementAndGet();
    }

    @Test
    void a_day_where_everything_matches_is_matched_with_equal_totals_on_both_sides_and_kept() {
        TenantId tenant = PaymentTesting.merchantWithOwnApp("recon-match").tenant();
        Paid first = pay(tenant, "12.34");
        Paid second = pay(tenant, "5000.00");
        gateway.refund(tenant, new RefundRequest(second.orderNo(), second.orderNo() + "-R1", Money.parse("100.50"), "退货"));
        books.set(tenant, first.day(), List.of(ExpectedPayment.completed(first.entry()),
                ExpectedPayment.completed(second.entry()),
                ExpectedPayment.completed(PaymentEntry.refund(second.orderNo(), second.tradeNo(), second.orderNo() + "-R1",
                        Money.parse("100.50")))));

        ReconciliationReport report = reconciliation.run(tenant, first.day());

        assertThat(report.outcome()).isEqualTo(ReconciliationOutcome.MATCHED);
        assertThat(report.differences()).isEmpty();
        assertThat(report.matched()).isEqualTo(3);
        Totals expected = new Totals(2, Money.parse("5012.34"), 1, Money.parse("100.50"));
        assertThat(report.billTotals()).isEqualTo(expected);
        assertThat(report.ourTotals()).isEqualTo(expected);
        assertThat(report.billTotals().net()).isEqualTo(Money.parse("4911.84"));
        assertThat(report.billAccount()).startsWith("2021");
        assertThat(reconciliation.report(tenant, first.day())).hasValue(report);
    }

    @Test
    void every_difference_is_listed_with_both_sides() {
        TenantId tenant = PaymentTesting.merchantWithOwnApp("recon-diff").tenant();
        Paid matching = pay(tenant, "20.00");
        Paid notInOurBooks = pay(tenant, "30.00");
        Paid wrongAmount = pay(tenant, "40.00");
        Paid closedAtOurs = pay(tenant, "50.00");
        Paid refunded = pay(tenant, "60.00");
        gateway.refund(tenant, new RefundRequest(refunded.orderNo(), "RF-1", Money.parse("60.00"), "退货"));
        LocalDate day = matching.day();
        PaymentEntry neverPaid = PaymentEntry.payment(orderNo(), null, Money.parse("70.00"));
        PaymentEntry refundNotMade = PaymentEntry.refund(matching.orderNo(), matching.tradeNo(), "RF-9", Money.parse("5.00"));
        books.set(tenant, day, List.of(
                ExpectedPayment.completed(matching.entry()),
                ExpectedPayment.completed(PaymentEntry.payment(wrongAmount.orderNo(), wrongAmount.tradeNo(), Money.parse("44.00"))),
                ExpectedPayment.notCompleted(closedAtOurs.entry()),
                ExpectedPayment.completed(refunded.entry()),
                ExpectedPayment.completed(PaymentEntry.refund(refunded.orderNo(), "2026999", "RF-1", Money.parse("60.00"))),
                ExpectedPayment.completed(neverPaid),
                ExpectedPayment.completed(refundNotMade)));

        ReconciliationReport report = reconciliation.run(tenant, day);

        assertThat(report.outcome()).isEqualTo(ReconciliationOutcome.DIFFERENCES);
        assertThat(report.matched()).isEqualTo(2); // matching and refunded's payment
        assertThat(report.differences()).containsExactlyInAnyOrder(
                new Difference(MISSING_AT_OURS, EntryKind.PAYMENT, notInOurBooks.orderNo(), null,
                        notInOurBooks.tradeNo(), null, Money.parse("30.00"), null),
                new Difference(AMOUNT_DIFFERS, EntryKind.PAYMENT, wrongAmount.orderNo(), null,
                        wrongAmount.tradeNo(), wrongAmount.tradeNo(), Money.parse("40.00"), Money.parse("44.00")),
                new Difference(STATUS_DIFFERS, EntryKind.PAYMENT, closedAtOurs.orderNo(), null,
                        closedAtOurs.tradeNo(), closedAtOurs.tradeNo(), Money.parse("50.00"), Money.parse("50.00")),
                new Difference(TRADE_NO_DIFFERS, EntryKind.REFUND, refunded.orderNo(), "RF-1",
                        refunded.tradeNo(), "2026999", Money.parse("60.00"), Money.parse("60.00")),
                new Difference(MISSING_AT_ALIPAY, EntryKind.PAYMENT, neverPaid.outTradeNo(), null,
                        null, null, null, Money.parse("70.00")),
                new Difference(MISSING_AT_ALIPAY, EntryKind.REFUND, matching.orderNo(), "RF-9",
                        null, matching.tradeNo(), null, Money.parse("5.00")));
        // the bill: 5 payments (200.00), 1 refund (60.00); ours counts only what it holds as done
        assertThat(report.billTotals()).isEqualTo(new Totals(5, Money.parse("200.00"), 1, Money.parse("60.00")));
        assertThat(report.ourTotals()).isEqualTo(new Totals(4, Money.parse("194.00"), 2, Money.parse("65.00")));
        ReconciliationReport kept = reconciliation.report(tenant, day).orElseThrow();
        assertThat(kept).isEqualTo(report);
        assertThat(kept.differences()).isSortedAccordingTo(java.util.Comparator.comparing(Difference::outTradeNo));
    }

    @Test
    void running_a_day_again_replaces_its_report() {
        TenantId tenant = PaymentTesting.merchantWithOwnApp("recon-rerun").tenant();
        Paid paid = pay(tenant, "9.90");
        ReconciliationReport first = reconciliation.run(tenant, paid.day());
        assertThat(first.outcome()).isEqualTo(ReconciliationOutcome.DIFFERENCES);
        assertThat(first.differences()).extracting(Difference::kind).containsExactly(MISSING_AT_OURS);

        books.set(tenant, paid.day(), List.of(ExpectedPayment.completed(paid.entry())));
        ReconciliationReport second = reconciliation.run(tenant, paid.day());

        assertThat(second.outcome()).isEqualTo(ReconciliationOutcome.MATCHED);
        assertThat(reconciliation.report(tenant, paid.day())).hasValue(second);
    }

    @Test
    void a_malformed_bill_is_kept_as_a_failed_run_with_its_reason_and_nothing_compared() {
        TenantId tenant = PaymentTesting.merchantWithOwnApp("recon-bad").tenant();
        Paid paid = pay(tenant, "1.00");
        books.set(tenant, paid.day(), List.of(ExpectedPayment.completed(paid.entry())));
        BillReconciliation withBrokenDownload = new BillReconciliation(gateway,
                url -> new ByteArrayInputStream(BillFiles.gbkBill(BillFiles.bill(
                        BillFiles.row("1", paid.orderNo(), "交易", "1.00", ""), 3, 0))),
                context.getBean(BillReader.class), books, context.getBean(ReconciliationReports.class), context.getBean(Ids.class), Clock.systemUTC());

        ReconciliationReport report = withBrokenDownload.run(tenant, paid.day());

        assertThat(report.outcome()).isEqualTo(ReconciliationOutcome.FAILED);
        assertThat(report.failure()).contains("declares 3 payments and 0 refunds, its lines hold 1 and 0");
        assertThat(report.billTotals()).isNull();
        assertThat(report.differences()).isEmpty();
        assertThat(reconciliation.report(tenant, paid.day())).hasValue(report);

        BillReconciliation notAZip = new BillReconciliation(gateway,
                url -> new ByteArrayInputStream("<html>busy</html>".getBytes(StandardCharsets.UTF_8)),
                context.getBean(BillReader.class), books, context.getBean(ReconciliationReports.class), context.getBean(Ids.class), Clock.systemUTC());
        assertThat(notAZip.run(tenant, paid.day()).failure()).contains("no detail CSV");
    }

    @Test
    void alipay_unreachable_is_a_failed_run_too_and_the_next_run_reconciles() {
        TenantId tenant = PaymentTesting.merchantWithOwnApp("recon-down").tenant();
        Paid paid = pay(tenant, "3.00");
        books.set(tenant, paid.day(), List.of(ExpectedPayment.completed(paid.entry())));
        fake.faults().failNext(1);

        ReconciliationReport failed = reconciliation.run(tenant, paid.day());

        assertThat(failed.outcome()).isEqualTo(ReconciliationOutcome.FAILED);
        assertThat(failed.failure()).contains("busy");
        assertThat(reconciliation.run(tenant, paid.day()).outcome()).isEqualTo(ReconciliationOutcome.MATCHED);
    }

    @Test
    void the_daily_round_reconciles_each_alipay_tenant_once_across_instances() {
        TenantId tenant = PaymentTesting.merchantWithOwnApp("recon-daily").tenant();
        Paid paid = pay(tenant, "8.80");
        books.set(tenant, paid.day(), List.of(ExpectedPayment.completed(paid.entry())));
        DailyBillReconciliation daily = context.getBean(DailyBillReconciliation.class);
        LocalDate day = paid.day();

        assertThat(daily.round(day)).hasValueSatisfying(count -> assertThat(count).isPositive());
        assertThat(reconciliation.report(tenant, day)).hasValueSatisfying(
                report -> assertThat(report.outcome()).isEqualTo(ReconciliationOutcome.MATCHED));
        assertThat(daily.round(day)).as("another instance's round of the same day skips").isEmpty();
        assertThat(context.getBean(AlipayMerchants.class).withAlipay()).contains(tenant);
    }
}
