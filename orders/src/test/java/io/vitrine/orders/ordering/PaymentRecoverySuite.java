package io.vitrine.orders.ordering;

import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.kernel.time.infra.SqlInstants;
import io.vitrine.orders.payment.reconciliation.BillReconciliation;
import io.vitrine.orders.payment.reconciliation.Difference;
import io.vitrine.orders.payment.reconciliation.DifferenceKind;
import io.vitrine.orders.payment.reconciliation.EntryKind;
import io.vitrine.orders.payment.reconciliation.ExpectedPayment;
import io.vitrine.orders.payment.reconciliation.ExpectedPayments;
import io.vitrine.orders.payment.reconciliation.PaymentEntry;
import io.vitrine.orders.payment.reconciliation.ReconciliationOutcome;
import io.vitrine.orders.payment.reconciliation.ReconciliationReport;
import io.vitrine.orders.payment.reconciliation.Totals;
import io.vitrine.orders.testing.TestBuyers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payments our side never heard of, on H2 and MariaDB against the in-process fake Alipay: the lost-notify round
 * ({@link LostNotifyRecovery}) and the close round asking Alipay before closing, and the daily bill reconciliation
 * of orders placed, paid and refunded through the real services, our books read from the orders tables
 * ({@code JdbcExpectedPayments}).
 */
abstract class PaymentRecoverySuite extends OrderingFixture {

    @BeforeEach
    void startRecoveryAfresh() {
        recovery().forgetPreviousRound(); // other tests moved the clock forward and back
    }

    @Test
    void a_lost_notify_is_recovered_by_the_query_round_once_and_a_late_notify_changes_nothing() {
        String sku = fixtures.product(shop, 29900, 5);
        Order placed = place(sku);
        String orderNo = placed.orderNo();
        fake.faults().dropNextNotifies(1);
        fake.pay(orderNo);
        assertThat(status(orderNo)).isEqualTo(OrderStatus.PENDING_PAYMENT);

        recovery().recoverAll(); // placed less than the schedule's first age (2m) ago: not asked yet
        assertThat(status(orderNo)).isEqualTo(OrderStatus.PENDING_PAYMENT);

        later(Duration.ofMinutes(3), () -> recovery().round());
        Order paid = details(orderNo).order();
        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
        assertThat(paid.tradeNo()).isEqualTo(fake.trade(orderNo).orElseThrow().tradeNo());
        assertThat(paid.paidAmount()).isEqualTo(placed.amounts().total());
        assertThat(fixtures.reserved(shop, sku)).isZero();
        assertThat(fixtures.onHand(shop, sku)).isEqualTo(4);

        fake.resendNotify(orderNo);
        later(Duration.ofMinutes(3), () -> recovery().recoverAll());

        assertThat(status(orderNo)).isEqualTo(OrderStatus.PAID);
        assertThat(fixtures.count("SELECT COUNT(*) FROM outbox_events WHERE event_type = ? AND business_key = ?",
                OrderPaid.TYPE, orderNo)).isEqualTo(1);
        assertThat(details(orderNo).history()).filteredOn(entry -> entry.to() == OrderStatus.PAID).hasSize(1);
        assertThat(fixtures.onHand(shop, sku)).isEqualTo(4);
    }

    @Test
    void an_abandoned_order_is_asked_about_only_at_2_4_8_and_14_minutes_and_once_more_before_it_closes() {
        String sku = fixtures.product(shop, 29900, 5);
        String abandoned = place(sku).orderNo();
        String lost = place(sku).orderNo();
        recovery().recoverAll(); // this instance's first round: both too young

        List<Integer> askedAt = new ArrayList<>();
        for (int seconds = 30; seconds <= 15 * 60; seconds += 30) {
            int age = seconds;
            if (age == 5 * 60) {
                fake.faults().dropNextNotifies(1);
                fake.pay(lost); // paid at 5 minutes, its notify lost
            }
            long before = queries(abandoned);
            later(Duration.ofSeconds(age), () -> recovery().recoverAll());
            if (queries(abandoned) > before) {
                askedAt.add(age);
            }
            if (age == 8 * 60) {
                assertThat(status(lost)).as("recovered at the 8-minute round").isEqualTo(OrderStatus.PAID);
            }
        }
        assertThat(askedAt).containsExactly(120, 240, 480, 840);
        assertThat(queries(lost)).as("asked at 2 and 4 minutes unpaid, found paid at 8").isEqualTo(3);

        later(Duration.ofMinutes(16), () -> context.getBean(UnpaidOrderClosing.class).closeDue());

        assertThat(queries(abandoned)).as("the close round asks before it closes").isEqualTo(5);
        assertThat(status(abandoned)).isEqualTo(OrderStatus.CLOSED);
        assertThat(status(lost)).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void the_close_round_pays_an_order_alipay_says_is_paid_instead_of_closing_it() {
        String sku = fixtures.product(shop, 29900, 5);
        String paidAtAlipay = place(sku).orderNo();
        String unpaid = place(sku).orderNo();
        fake.faults().dropNextNotifies(1);
        fake.pay(paidAtAlipay);

        later(Duration.ofMinutes(16), () -> context.getBean(UnpaidOrderClosing.class).closeDue());

        assertThat(status(paidAtAlipay)).isEqualTo(OrderStatus.PAID);
        assertThat(fake.trade(paidAtAlipay).orElseThrow().refunds()).isEmpty();
        assertThat(status(unpaid)).isEqualTo(OrderStatus.CLOSED);
        assertThat(fixtures.reserved(shop, sku)).isZero();
        assertThat(fixtures.onHand(shop, sku)).isEqualTo(4);
    }

    @Test
    void the_day_of_orders_paid_and_refunded_matches_the_bill_and_a_lost_notify_shows_until_recovered() {
        String sku = fixtures.product(shop, 12345, 10);
        Order first = place(sku);
        Order cancelled = place(sku);
        Order neverPaid = place(sku);
        fake.pay(first.orderNo());
        fake.pay(cancelled.orderNo());
        as(() -> context.getBean(OrderCancellations.class).cancel(cancelled.orderNo(), "staff-1", "asked"));
        LocalDate day = ChinaTime.dateOf(details(first.orderNo()).order().paidAt());
        Money price = first.amounts().total();

        ReconciliationReport matched = reconciliation().run(shop.tenant(), day);

        assertThat(matched.outcome()).isEqualTo(ReconciliationOutcome.MATCHED);
        assertThat(matched.matched()).isEqualTo(3);
        Totals totals = new Totals(2, price.plus(price), 1, price);
        assertThat(matched.billTotals()).isEqualTo(totals);
        assertThat(matched.ourTotals()).isEqualTo(totals);
        assertThat(status(neverPaid.orderNo())).isEqualTo(OrderStatus.PENDING_PAYMENT);

        Order lost = place(sku);
        fake.faults().dropNextNotifies(1);
        fake.pay(lost.orderNo());

        ReconciliationReport differs = reconciliation().run(shop.tenant(), day);

        assertThat(differs.outcome()).isEqualTo(ReconciliationOutcome.DIFFERENCES);
        assertThat(differs.differences()).extracting(Difference::kind, Difference::entryKind, Difference::outTradeNo)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DifferenceKind.STATUS_DIFFERS, EntryKind.PAYMENT,
                        lost.orderNo()));
        assertThat(differs.billTotals().payments()).isEqualTo(3);
        assertThat(differs.ourTotals()).isEqualTo(totals);
        assertThat(reconciliation().report(shop.tenant(), day)).contains(differs);

        later(Duration.ofMinutes(3), () -> recovery().recoverAll());
        ReconciliationReport again = reconciliation().run(shop.tenant(), day);

        assertThat(again.outcome()).isEqualTo(ReconciliationOutcome.MATCHED);
        assertThat(again.matched()).isEqualTo(4);
    }

    @Test
    void a_refund_is_expected_on_the_day_of_its_refunded_at() {
        String sku = fixtures.product(shop, 12345, 10);
        Order cancelled = place(sku);
        fake.pay(cancelled.orderNo());
        as(() -> context.getBean(OrderCancellations.class).cancel(cancelled.orderNo(), "staff-1", "asked"));
        OrderDetails details = details(cancelled.orderNo());
        Instant refundedAt = details.order().refundedAt();
        assertThat(refundedAt).isNotNull();
        assertThat(details.history()).filteredOn(entry -> entry.kind() == HistoryEntry.Kind.NOTE)
                .extracting(HistoryEntry::at).containsExactly(refundedAt);
        LocalDate day = ChinaTime.dateOf(refundedAt);
        PaymentEntry refund = PaymentEntry.refund(cancelled.orderNo(), details.order().tradeNo(),
                cancelled.orderNo() + "-C", cancelled.amounts().total());
        assertThat(expected(day)).contains(ExpectedPayment.completed(refund));

        // the column decides, not the note: the same refund recorded a day earlier is that day's
        fixtures.execute("UPDATE orders SET refunded_at = ? WHERE order_no = ?",
                SqlInstants.text(refundedAt.minus(Duration.ofDays(1))), cancelled.orderNo());

        assertThat(expected(day)).doesNotContain(ExpectedPayment.completed(refund));
        assertThat(expected(day.minusDays(1))).contains(ExpectedPayment.completed(refund));
    }

    // --- helpers

    private Order place(String sku) {
        return place(shop, cart(shop, sku, 1), TestBuyers.newBuyer(), "ALIPAY_QR").order();
    }

    /** The {@code alipay.trade.query} calls the fake gateway answered about this order. */
    private long queries(String orderNo) {
        return fake.ledger().stream().filter(entry -> "call".equals(entry.path("type").asText())
                && "alipay.trade.query".equals(entry.path("method").asText())
                && orderNo.equals(entry.path("outTradeNo").asText())).count();
    }

    private List<ExpectedPayment> expected(LocalDate day) {
        return context.getBean(ExpectedPayments.class).on(shop.tenant(), day);
    }

    private LostNotifyRecovery recovery() {
        return context.getBean(LostNotifyRecovery.class);
    }

    private BillReconciliation reconciliation() {
        return context.getBean(BillReconciliation.class);
    }

    private <T> T as(TenantContext.Work<T, RuntimeException> work) {
        return as(shop, work);
    }
}
