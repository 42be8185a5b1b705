package io.vitrine.oversight.stats;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.orders.ordering.Order;
import io.vitrine.customs.declaration.DeclarationRejected;
import io.vitrine.customs.declaration.DeclarationReleased;
import io.vitrine.orders.ordering.ClearanceRefusal;
import io.vitrine.orders.ordering.OrderPaid;
import io.vitrine.orders.ordering.OrderRefusedAtClearance;
import io.vitrine.orders.testing.OrderFixtures;
import io.vitrine.orders.testing.OrderingContexts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics on H2 and MariaDB, from real flows: orders placed and paid through orders' use cases (their
 * {@code OrderPaid} dispatched by the outbox), customs' release and rejection events published through the outbox as
 * its receipt recording publishes them, returns' {@code ReturnReceived} delivered to the listener; each fact counted
 * once however often it is delivered; reports by every grouping over day, week, month and year rows; scopes that
 * never leak.
 */
abstract class StatsSuite {

    private OrderingContexts.Ordering ordering;
    private ApplicationContext context;
    private StatsReports reports;
    private LocalDate today;
    private Instant now;

    protected abstract OrderingContexts.Ordering ordering();

    @BeforeEach
    void setUp() {
        ordering = ordering();
        context = ordering.context();
        reports = context.getBean(StatsReports.class);
        now = context.getBean(Clock.class).instant();
        today = ChinaTime.dateOf(now);
    }

    @Test
    void paid_orders_count_once_with_what_was_paid_and_the_tax_by_every_grouping() {
        StatsShop shop = new StatsShop(ordering);
        String japanese = shop.product(12_000, "1210", "116");
        String korean = shop.product(5_000, "1210", "133");
        Order first = shop.paidOrder(japanese, 2);
        Order second = shop.paidOrder(korean, 1);
        shop.dispatch();

        StatsFigures totals = report(shop, StatsGrouping.DAY).totals();
        assertThat(totals.orders()).isEqualTo(2);
        assertThat(totals.gmvFen()).isEqualTo(first.amounts().total().fen() + second.amounts().total().fen());
        assertThat(totals.taxFen()).isEqualTo(first.amounts().tax().fen() + second.amounts().tax().fen())
                .isPositive();
        assertThat(byKey(report(shop, StatsGrouping.DAY))).containsOnlyKeys(today.toString());
        assertThat(byKey(report(shop, StatsGrouping.ORIGIN_COUNTRY))).containsOnlyKeys("116", "133")
                .hasEntrySatisfying("116", f -> assertThat(f.gmvFen()).isEqualTo(first.amounts().total().fen()));
        assertThat(byKey(report(shop, StatsGrouping.TRADE_MODE))).containsOnlyKeys("1210")
                .hasEntrySatisfying("1210", f -> assertThat(f.orders()).isEqualTo(2));
        assertThat(byKey(report(shop, StatsGrouping.STORE))).containsOnlyKeys("S1");
        StatsReport byTenant = report(shop, StatsGrouping.TENANT);
        assertThat(byTenant.lines()).singleElement().satisfies(line -> {
            assertThat(line.key()).isEqualTo(shop.shop().tenant().value());
            assertThat(line.tenant()).isEqualTo(shop.shop().tenant());
        });

        // the same OrderPaid again (a redelivery under a new event id) counts nothing more
        shop.deliver(UUID.randomUUID().toString(), OrderPaid.TYPE, new OrderPaid(shop.shop().tenant(),
                first.orderNo(), 0, 0, 0, 0, 0, first.amounts().total().fen(), now, "T"));
        assertThat(report(shop, StatsGrouping.DAY).totals().orders()).isEqualTo(2);
    }

    @Test
    void releases_and_rejections_give_the_pass_rate_and_clearance_percentiles_each_counted_once() {
        StatsShop shop = new StatsShop(ordering);
        String sku = shop.product(9_900, "1210", "601");
        Order[] orders = new Order[12];
        for (int i = 0; i < orders.length; i++) {
            orders[i] = shop.paidOrder(sku, 1);
        }
        Instant opened = now.minus(Duration.ofHours(5));
        // ten released after 1..10 hours, the first of them rejected before; the last two only rejected
        shop.rejected(orders[0], opened.plus(Duration.ofMinutes(30)));
        for (int i = 0; i < 10; i++) {
            shop.released(orders[i], opened, opened.plus(Duration.ofHours(i + 1)));
        }
        shop.rejected(orders[10], opened.plus(Duration.ofMinutes(40)));
        shop.rejected(orders[11], opened.plus(Duration.ofMinutes(50)));
        shop.dispatch();
        // customs' news again: a second release of the same order, a late rejection after a release
        shop.released(orders[3], opened, opened.plus(Duration.ofHours(30)));
        shop.rejected(orders[4], opened.plus(Duration.ofHours(12)));
        shop.dispatch();

        StatsFigures f = report(shop, StatsGrouping.DAY).totals();
        assertThat(f.declarationsDecided()).isEqualTo(12);
        assertThat(f.declarationsPassed()).isEqualTo(9);
        assertThat(f.declarationPassRate()).isEqualTo(0.75);
        assertThat(f.released()).isEqualTo(10);
        // 1 h .. 10 h: p50 the 5th (5 h), p90 the 9th (9 h), within the histogram's 1%
        assertThat(f.clearanceP50Seconds()).isBetween(18_000L, 18_200L);
        assertThat(f.clearanceP90Seconds()).isBetween(32_400L, 32_750L);
        assertThat(byKey(report(shop, StatsGrouping.STORE))).hasEntrySatisfying("S1",
                store -> assertThat(store.clearanceP90Seconds()).isEqualTo(f.clearanceP90Seconds()));
    }

    @Test
    void a_return_counts_once_whatever_the_redeliveries_and_gives_the_return_rate() {
        StatsShop shop = new StatsShop(ordering);
        String sku = shop.product(3_000, "9610", "502");
        Order returned = shop.paidOrder(sku, 2);
        shop.paidOrder(sku, 1);
        shop.paidOrder(sku, 1);
        shop.paidOrder(sku, 1);
        shop.dispatch();
        String returnNo = "R" + System.nanoTime();

        shop.returnReceived(UUID.randomUUID().toString(), returned, returnNo, 3_300, now);
        shop.returnReceived(UUID.randomUUID().toString(), returned, returnNo, 3_300, now); // a refund retried

        StatsFigures f = report(shop, StatsGrouping.ORIGIN_COUNTRY).totals();
        assertThat(f.returns()).isEqualTo(1);
        assertThat(f.returnedFen()).isEqualTo(3_300);
        assertThat(f.returnRate()).isEqualTo(0.25);
        assertThat(shop.count("SELECT COUNT(*) FROM stats_returns WHERE return_no = ?", returnNo)).isEqualTo(1);
    }

    @Test
    void a_scope_sees_only_its_tenants_and_an_empty_one_sees_nothing() {
        StatsShop mine = new StatsShop(ordering);
        StatsShop theirs = new StatsShop(ordering);
        mine.paidOrder(mine.product(1_000, "1210", "116"), 1);
        theirs.paidOrder(theirs.product(2_000, "1210", "116"), 1);
        theirs.paidOrder(theirs.product(2_000, "1210", "116"), 1);
        mine.dispatch();

        assertThat(reports.report(StatsScope.of(Set.of(mine.shop().tenant())), today, today, StatsGrouping.TENANT)
                .lines()).extracting(StatsLine::tenant).containsExactly(mine.shop().tenant());
        StatsReport both = reports.report(StatsScope.of(Set.of(mine.shop().tenant(), theirs.shop().tenant())), today,
                today, StatsGrouping.TENANT);
        assertThat(byKey(both)).containsOnlyKeys(mine.shop().tenant().value(), theirs.shop().tenant().value())
                .hasEntrySatisfying(theirs.shop().tenant().value(), f -> assertThat(f.orders()).isEqualTo(2));
        assertThat(reports.report(StatsScope.of(Set.of()), today, today, StatsGrouping.DAY).totals().orders())
                .isZero();
        StatsReport everyone = reports.report(StatsScope.everyTenant(), today, today, StatsGrouping.TENANT);
        assertThat(byKey(everyone)).containsKeys(mine.shop().tenant().value(), theirs.shop().tenant().value());
    }

    @Test
    void an_earlier_rejection_delivered_after_the_release_replaces_it_on_its_own_day() {
        StatsShop shop = new StatsShop(ordering);
        Order order = shop.paidOrder(shop.product(4_000, "1210", "116"), 1);
        shop.dispatch();
        Instant rejectedAt = now.minus(Duration.ofDays(1));
        // the release is delivered first, the rejection that came before it only afterwards
        shop.deliver(UUID.randomUUID().toString(), DeclarationReleased.TYPE, new DeclarationReleased(
                shop.shop().tenant(), order.orderNo(), "1210", rejectedAt.minus(Duration.ofHours(1)), now));
        assertThat(report(shop, StatsGrouping.DAY).totals().declarationsPassed()).isEqualTo(1);
        shop.deliver(UUID.randomUUID().toString(), DeclarationRejected.TYPE, new DeclarationRejected(
                shop.shop().tenant(), order.orderNo(), "1210", "INVENTORY", rejectedAt));
        // and a later rejection, delivered last, changes nothing
        shop.deliver(UUID.randomUUID().toString(), DeclarationRejected.TYPE, new DeclarationRejected(
                shop.shop().tenant(), order.orderNo(), "1210", "INVENTORY", now.plusSeconds(60)));

        StatsReport byDay = report(shop, StatsGrouping.DAY);
        assertThat(byDay.totals().declarationsDecided()).isEqualTo(1);
        assertThat(byDay.totals().declarationsPassed()).isZero();
        assertThat(byDay.totals().released()).isEqualTo(1);
        Map<String, StatsFigures> days = byKey(byDay);
        assertThat(days.get(ChinaTime.dateOf(rejectedAt).toString()).declarationsDecided()).isEqualTo(1);
        StatsFigures releaseDay = days.get(today.toString());
        assertThat(releaseDay.declarationsDecided()).isZero();
        assertThat(releaseDay.declarationsPassed()).isZero();
        for (StatsGrouping grouping : StatsGrouping.values()) {
            assertThat(report(shop, grouping).totals()).as(grouping.name()).isEqualTo(byDay.totals());
        }
    }

    @Test
    void an_order_refused_at_clearance_is_a_declaration_not_passed_and_its_refund_nets_off_gmv() {
        StatsShop shop = new StatsShop(ordering);
        String sku = shop.product(6_000, "1210", "116");
        Order refused = shop.paidOrder(sku, 1);
        Order kept = shop.paidOrder(sku, 2);
        shop.dispatch();
        shop.released(kept, now.minus(Duration.ofHours(3)), now);
        shop.dispatch();
        String eventId = UUID.randomUUID().toString();
        OrderRefusedAtClearance event = new OrderRefusedAtClearance(shop.shop().tenant(), refused.orderNo(),
                ClearanceRefusal.PAYER_NOT_BUYER);
        shop.deliver(eventId, OrderRefusedAtClearance.TYPE, event);
        shop.deliver(UUID.randomUUID().toString(), OrderRefusedAtClearance.TYPE, event); // published again
        String returnNo = "R" + System.nanoTime();
        shop.returnReceived(UUID.randomUUID().toString(), kept, returnNo, 2_500, now);

        StatsFigures f = report(shop, StatsGrouping.STORE).totals();
        assertThat(f.declarationsDecided()).isEqualTo(2);
        assertThat(f.declarationsPassed()).isEqualTo(1);
        assertThat(f.declarationPassRate()).isEqualTo(0.5);
        long gross = refused.amounts().total().fen() + kept.amounts().total().fen();
        assertThat(f.gmvFen()).isEqualTo(gross);
        assertThat(f.returnedFen()).isEqualTo(2_500);
        assertThat(f.refundedFen()).isEqualTo(refused.amounts().total().fen() + 2_500);
        assertThat(f.netGmvFen()).isEqualTo(kept.amounts().total().fen() - 2_500);
        assertThat(report(shop, StatsGrouping.DAY).totals()).isEqualTo(f);
    }

    @Test
    void a_range_of_a_whole_year_whole_months_and_edge_days_adds_up_like_its_days_even_for_a_year_begun_before_year_rows() {
        TenantId tenant = TenantId.of(UUID.randomUUID().toString());
        StatsRollups rollups = context.getBean(StatsRollups.class);
        OrderKeys keys = new OrderKeys(tenant, "S9", "1210", "116");
        OrderKeys other = new OrderKeys(tenant, "S8", "9610", "502");
        LocalDate start = LocalDate.of(2024, 11, 3);
        write(() -> {
            for (int i = 0; i < 480; i += 2) {
                LocalDate day = start.plusDays(i);
                rollups.add(i % 3 == 0 ? other : keys, day, StatsDelta.paid(100 + i, 10));
                if (i % 7 == 0) {
                    rollups.add(keys, day, StatsDelta.decided(true).plus(StatsDelta.released(600L * (i + 1))));
                }
                if (i % 11 == 0) {
                    rollups.add(other, day, StatsDelta.returned(50).plus(StatsDelta.decided(false)));
                }
            }
        });
        LocalDate from = LocalDate.of(2024, 11, 20);
        LocalDate to = LocalDate.of(2026, 2, 10);
        StatsScope scope = StatsScope.of(Set.of(tenant));
        OrderFixtures fixtures = new OrderFixtures(context, ordering.fake());
        keptSince(fixtures, "W", "CURRENT_DATE"); // this range's edges read days, not weeks
        try {
            aYearBegunBeforeYearRowsAddsUp(tenant, rollups, keys, other, start, from, to, scope, fixtures);
        } finally {
            keptSince(fixtures, "W", NEW_INSTALLATION);
            keptSince(fixtures, "Y", NEW_INSTALLATION);
        }
    }

    private void aYearBegunBeforeYearRowsAddsUp(TenantId tenant, StatsRollups rollups, OrderKeys keys, OrderKeys other,
                                                LocalDate start, LocalDate from, LocalDate to, StatsScope scope,
                                                OrderFixtures fixtures) {
        assertThat(reports.segments(from, to, StatsGrouping.STORE)).extracting(StatsReports.Segment::kind)
                .containsExactly(PeriodKind.DAY, PeriodKind.MONTH, PeriodKind.YEAR, PeriodKind.MONTH, PeriodKind.DAY);
        StatsFigures days = reports.report(scope, from, to, StatsGrouping.DAY).totals();
        assertThat(days.orders()).isEqualTo(java.util.stream.IntStream.range(0, 480).filter(i -> i % 2 == 0
                && !start.plusDays(i).isBefore(from) && !start.plusDays(i).isAfter(to)).count());
        assertThat(days.clearanceP90Seconds()).isNotNull();
        assertEveryGroupingAddsUpLike(days, scope, from, to);

        // year rows gone (as before V58): an installation upgraded during the year keeps year rows from the next year
        // on (V61 stats_period_kinds 'Y'), so the year under way is read from its months and nothing is missed
        fixtures.execute("DELETE FROM stats_rollups WHERE period_kind = 'Y' AND tenant_id = ?", tenant.value());
        keptSince(fixtures, "Y", "CURRENT_DATE");
        assertThat(reports.segments(from, to, StatsGrouping.STORE)).extracting(StatsReports.Segment::kind)
                .containsExactly(PeriodKind.DAY, PeriodKind.MONTH, PeriodKind.DAY);
        assertEveryGroupingAddsUpLike(days, scope, from, to);
        keptSince(fixtures, "Y", NEW_INSTALLATION);

        // the next write of each key rebuilds its year from its month rows
        write(() -> {
            rollups.add(keys, LocalDate.of(2025, 6, 30), StatsDelta.decided(true).plus(StatsDelta.released(7_000)));
            rollups.add(other, LocalDate.of(2025, 7, 1), StatsDelta.paid(1_000, 0));
        });
        StatsFigures rebuilt = reports.report(scope, from, to, StatsGrouping.DAY).totals();
        assertThat(rebuilt.orders()).isEqualTo(days.orders() + 1);
        assertThat(rebuilt.released()).isEqualTo(days.released() + 1);
        assertEveryGroupingAddsUpLike(rebuilt, scope, from, to);
    }

    @Test
    void a_range_of_whole_months_and_edge_days_adds_up_like_its_days() {
        TenantId tenant = TenantId.of(UUID.randomUUID().toString());
        StatsRollups rollups = context.getBean(StatsRollups.class);
        OrderKeys keys = new OrderKeys(tenant, "S9", "1210", "116");
        OrderKeys other = new OrderKeys(tenant, "S8", "9610", "502");
        LocalDate start = LocalDate.of(2025, 1, 20);
        write(() -> {
            for (int i = 0; i < 120; i++) {
                LocalDate day = start.plusDays(i);
                rollups.add(i % 3 == 0 ? other : keys, day, StatsDelta.paid(100 + i, 10));
                if (i % 7 == 0) {
                    rollups.add(keys, day, StatsDelta.decided(true).plus(StatsDelta.released(600L * (i + 1))));
                }
            }
        });
        LocalDate from = LocalDate.of(2025, 1, 25);
        LocalDate to = LocalDate.of(2025, 5, 10);
        StatsScope scope = StatsScope.of(Set.of(tenant));

        assertThat(reports.segments(from, to, StatsGrouping.STORE)).extracting(StatsReports.Segment::kind)
                .containsExactly(PeriodKind.DAY, PeriodKind.MONTH, PeriodKind.DAY);
        StatsFigures days = reports.report(scope, from, to, StatsGrouping.DAY).totals();
        assertEveryGroupingAddsUpLike(days, scope, from, to);
        long expectedOrders = java.util.stream.IntStream.range(5, 111).count();
        assertThat(days.orders()).isEqualTo(expectedOrders);
        assertThat(days.gmvFen()).isEqualTo(java.util.stream.IntStream.range(5, 111).mapToLong(i -> 100 + i).sum());
        assertThat(byKey(reports.report(scope, from, to, StatsGrouping.STORE))).containsOnlyKeys("S8", "S9");
        assertThat(reports.report(scope, from, to, StatsGrouping.DAY).lines()).hasSize(106);
    }

    @Test
    void a_range_whose_edges_hold_whole_weeks_adds_up_like_its_days_also_where_week_rows_are_missing() {
        TenantId tenant = TenantId.of(UUID.randomUUID().toString());
        StatsRollups rollups = context.getBean(StatsRollups.class);
        OrderKeys keys = new OrderKeys(tenant, "S9", "1210", "116");
        OrderKeys other = new OrderKeys(tenant, "S8", "9610", "502");
        LocalDate start = LocalDate.of(2025, 1, 6);
        write(() -> {
            for (int i = 0; i < 120; i++) {
                LocalDate day = start.plusDays(i);
                rollups.add(i % 3 == 0 ? other : keys, day, StatsDelta.paid(100 + i, 10));
                if (i % 4 == 0) {
                    rollups.add(keys, day, StatsDelta.decided(true).plus(StatsDelta.released(900L * (i + 1))));
                }
                if (i % 9 == 0) {
                    rollups.add(other, day, StatsDelta.returned(70).plus(StatsDelta.decided(false)));
                }
            }
        });
        // Wednesday Jan 8 to Sunday Apr 20: whole weeks at both edges
        LocalDate from = LocalDate.of(2025, 1, 8);
        LocalDate to = LocalDate.of(2025, 4, 20);
        StatsScope scope = StatsScope.of(Set.of(tenant));
        OrderFixtures fixtures = new OrderFixtures(context, ordering.fake());
        try {
            // week rows kept since the start of 2025 (for this test: the migration keeps them from the day it ran)
            fixtures.execute("UPDATE stats_period_kinds SET kept_since = DATE '2025-01-01' WHERE period_kind = 'W'");
            assertThat(reports.segments(from, to, StatsGrouping.STORE)).extracting(StatsReports.Segment::kind)
                    .containsExactly(PeriodKind.DAY, PeriodKind.WEEK, PeriodKind.DAY, PeriodKind.MONTH,
                            PeriodKind.DAY, PeriodKind.WEEK);
            StatsFigures days = reports.report(scope, from, to, StatsGrouping.DAY).totals();
            assertThat(days.orders()).isEqualTo(java.util.stream.IntStream.range(2, 105).count());
            assertThat(days.clearanceP50Seconds()).isNotNull();
            assertEveryGroupingAddsUpLike(days, scope, from, to);

            // old data: days written before week rows were kept, no week rows
            fixtures.execute("DELETE FROM stats_rollups WHERE period_kind = 'W' AND tenant_id = ?", tenant.value());
            fixtures.execute("UPDATE stats_period_kinds SET kept_since = CURRENT_DATE WHERE period_kind = 'W'");
            assertThat(reports.segments(from, to, StatsGrouping.STORE)).extracting(StatsReports.Segment::kind)
                    .containsExactly(PeriodKind.DAY, PeriodKind.MONTH, PeriodKind.DAY);
            assertEveryGroupingAddsUpLike(days, scope, from, to);

            // the next write of each key in a week begun without week rows creates its row from the week's days
            LocalDate monday = LocalDate.of(2025, 1, 13);
            write(() -> {
                rollups.add(keys, monday.plusDays(2), StatsDelta.decided(true).plus(StatsDelta.released(4_000)));
                rollups.add(other, monday.plusDays(4), StatsDelta.paid(1_000, 0));
            });
            fixtures.execute("UPDATE stats_period_kinds SET kept_since = DATE '2025-01-01' WHERE period_kind = 'W'");
            assertThat(reports.segments(monday, monday.plusDays(6), StatsGrouping.STORE))
                    .containsExactly(new StatsReports.Segment(PeriodKind.WEEK, monday, monday));
            StatsFigures week = reports.report(scope, monday, monday.plusDays(6), StatsGrouping.DAY).totals();
            assertThat(week.orders()).isEqualTo(8);
            assertEveryGroupingAddsUpLike(week, scope, monday, monday.plusDays(6));
        } finally {
            keptSince(fixtures, "W", NEW_INSTALLATION);
        }
    }

    /** V61's {@code kept_since} of a database without statistics when it ran: every period kept from the start. */
    private static final String NEW_INSTALLATION = "DATE '2000-01-01'";

    private static void keptSince(OrderFixtures fixtures, String kind, String date) {
        fixtures.execute("UPDATE stats_period_kinds SET kept_since = " + date + " WHERE period_kind = '" + kind + "'");
    }

    private void assertEveryGroupingAddsUpLike(StatsFigures days, StatsScope scope, LocalDate from, LocalDate to) {
        for (StatsGrouping grouping : StatsGrouping.values()) {
            assertThat(reports.report(scope, from, to, grouping).totals()).as(grouping.name()).isEqualTo(days);
        }
    }

    private void write(Runnable work) {
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> transactions = context.getBean(TransactionOperations.class);
        transactions.executeWrite(status -> {
            work.run();
            return null;
        });
    }

    private StatsReport report(StatsShop shop, StatsGrouping grouping) {
        return reports.report(StatsScope.of(Set.of(shop.shop().tenant())), today.minusDays(1), today.plusDays(1),
                grouping);
    }

    private static Map<String, StatsFigures> byKey(StatsReport report) {
        return report.lines().stream().filter(line -> line.figures().orders() > 0
                        || line.figures().declarationsDecided() > 0 || line.figures().returns() > 0)
                .collect(Collectors.toMap(StatsLine::key, StatsLine::figures));
    }
}
