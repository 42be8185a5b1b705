package io.vitrine.customs.tax;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.orders.ordering.OrderReading;
import io.vitrine.tenants.settings.Settings;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The current tenant's CEB816 tax bills of a period of China days against the tax its orders collected (api.md
 * {@code GET /api/v1/declarations/tax-reconciliation?from=&to=}). Per order: customs' customsTax + valueAddedTax +
 * consumptionTax over every bill of the order returned in the period, void bills (status 3) left out, against the
 * order's {@code taxFen} (orders' {@link OrderReading}). The report lists the orders that match, those that differ
 * (by how many fen: billed − collected), the bills with no order (an inventory list we never heard of, under this
 * tenant's ebcCode) and the orders released in the period, at least {@code vitrine.customs.tax.bill-overdue}
 * (3 days) ago, that still have no bill. Read only: it can run as often as wanted.
 */
@Singleton
public class TaxReconciliation {

    static final int MAX_DAYS = 366;

    private final TaxBillStore store;
    private final OrderReading orders;
    private final Settings settings;
    private final CurrentTenant tenant;
    private final Clock clock;
    private final int overdueDays;

    TaxReconciliation(TaxBillStore store, OrderReading orders, Settings settings, CurrentTenant tenant, Clock clock,
                      @Value("${vitrine.customs.tax.bill-overdue-days:3}") int overdueDays) {
        this.store = store;
        this.orders = orders;
        this.settings = settings;
        this.tenant = tenant;
        this.clock = clock;
        this.overdueDays = overdueDays;
    }

    /**
     * @param from first China day, {@code YYYY-MM-DD}
     * @param to   last China day (inclusive), at most {@value #MAX_DAYS} days after {@code from}
     * @throws InvalidInputException naming {@code from} / {@code to} and the rule; nothing is read
     */
    @Transactional(readOnly = true)
    public Report reconcile(@Nullable String from, @Nullable String to) {
        FieldChecks checks = new FieldChecks();
        LocalDate first = checks.parse("from", from, TaxReconciliation::day);
        LocalDate last = checks.parse("to", to, TaxReconciliation::day);
        if (first != null && last != null) {
            if (last.isBefore(first)) {
                checks.fail("to", "DATE_ORDER", "to must not be before from");
            } else if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
                checks.fail("to", "PERIOD_TOO_LONG", "at most " + MAX_DAYS + " days from from");
            }
        }
        checks.throwIfAny();
        var owner = tenant.require();
        Instant start = ChinaTime.startOfDay(first);
        Instant end = ChinaTime.endOfDay(last);
        String ebcCode = settings.current().customsEbcCode();

        Map<String, List<RecordedTaxBill>> byOrder = new TreeMap<>();
        List<Orphan> orphans = new ArrayList<>();
        for (RecordedTaxBill bill : store.bills(owner, ebcCode, start, end)) {
            if (bill.isVoid()) {
                continue;
            }
            if (bill.orderNo() == null || bill.tenant() == null) {
                orphans.add(Orphan.of(bill));
            } else {
                byOrder.computeIfAbsent(bill.orderNo(), k -> new ArrayList<>()).add(bill);
            }
        }
        List<Line> matched = new ArrayList<>();
        List<Line> differences = new ArrayList<>();
        for (var entry : byOrder.entrySet()) {
            Money collected;
            try {
                collected = orders.details(entry.getKey()).order().amounts().tax();
            } catch (NotFoundException gone) {
                entry.getValue().forEach(bill -> orphans.add(Orphan.of(bill)));
                continue;
            }
            Line line = Line.of(entry.getKey(), entry.getValue(), collected);
            (line.difference().isZero() ? matched : differences).add(line);
        }
        Instant overdue = clock.instant().minus(overdueDays, ChronoUnit.DAYS);
        List<Released> unbilled = overdue.isAfter(start)
                ? store.releasedWithoutBill(owner, start, overdue.isBefore(end) ? overdue : end).stream()
                .map(r -> new Released(r.orderNo(), r.releasedAt())).toList()
                : List.of();
        orphans.sort(Comparator.comparing(Orphan::returnTime).thenComparing(Orphan::taxNo));
        return new Report(first, last, overdueDays, matched, differences, orphans, unbilled);
    }

    private static LocalDate day(String raw) {
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("date", "DATE", "a China day as YYYY-MM-DD");
        }
    }

    /** @param overdueAfterDays how old a release must be before its missing bill is listed */
    public record Report(LocalDate from, LocalDate to, int overdueAfterDays, List<Line> matched,
                         List<Line> differences, List<Orphan> billsWithoutOrder, List<Released> releasedWithoutBill) {
    }

    /** One order: its bills' figures summed, what it collected, and billed − collected. */
    public record Line(String orderNo, List<String> taxNos, String invtNo, Money customsTax, Money valueAddedTax,
                       Money consumptionTax, Money billed, Money collected, Money difference) {

        static Line of(String orderNo, List<RecordedTaxBill> bills, Money collected) {
            Money customs = Money.sum(bills.stream().map(RecordedTaxBill::customsTax).toList());
            Money vat = Money.sum(bills.stream().map(RecordedTaxBill::valueAddedTax).toList());
            Money consumption = Money.sum(bills.stream().map(RecordedTaxBill::consumptionTax).toList());
            Money billed = customs.plus(vat).plus(consumption);
            return new Line(orderNo, bills.stream().map(RecordedTaxBill::taxNo).sorted().toList(),
                    bills.get(0).invtNo(), customs, vat, consumption, billed, collected, billed.minus(collected));
        }
    }

    /** A bill no order of this tenant answers to. */
    public record Orphan(String taxNo, String invtNo, Money billed, Instant returnTime) {
        static Orphan of(RecordedTaxBill bill) {
            return new Orphan(bill.taxNo(), bill.invtNo(), bill.billed(), bill.returnTime());
        }
    }

    /** An order released at {@code releasedAt} with no (non-void) tax bill yet. */
    public record Released(String orderNo, Instant releasedAt) {
    }
}
