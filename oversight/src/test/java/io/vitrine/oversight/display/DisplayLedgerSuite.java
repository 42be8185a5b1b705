package io.vitrine.oversight.display;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.error.BusinessRuleException;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.FieldError;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.tabular.TabularColumns;
import io.vitrine.kernel.tabular.TabularFormat;
import io.vitrine.kernel.tabular.TabularReader;
import io.vitrine.kernel.tabular.TabularRow;
import io.vitrine.kernel.testing.MutableClock;
import io.vitrine.kernel.testing.SqlProbe;
import io.vitrine.kernel.time.ChinaTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The bonded display ledger on H2 and on MariaDB: movements and balances with the warehouse's bonded stock moving
 * with them, nothing below zero and nothing changed by a refusal, each client key recorded once, sold samples tied to
 * released orders, the expiry alerts raised once per threshold, the reconciliation's figures and files, and tenants
 * and parks kept apart.
 */
abstract class DisplayLedgerSuite {

    private ApplicationContext context;
    private Clock clock;

    protected abstract ApplicationContext context();

    @BeforeEach
    void setUp() {
        context = context();
        clock = context.getBean(Clock.class);
    }

    @Test
    void goods_out_for_display_leave_the_warehouse_count_and_returned_ones_come_back() {
        DisplayShop shop = new DisplayShop(context, 10, 1);
        String account = shop.account(60, 90).account().id();

        RecordedMovement out = shop.move(account, "out-1", "OUT_FOR_DISPLAY", shop.sku(0), 4, null);
        RecordedMovement back = shop.move(account, "back-1", "RETURNED_TO_ZONE", shop.sku(0), 3, null);

        assertThat(out.replayed()).isFalse();
        assertThat(out.movement().onDisplayAfter()).isEqualTo(4);
        assertThat(back.movement().onDisplayAfter()).isEqualTo(1);
        assertThat(balance(shop, account, 0)).isEqualTo(new DisplayBalance(shop.sku(0), 4, 0, 3, 1, 0));
        assertThat(shop.onHand(shop.sku(0))).isEqualTo(10 - 4 + 3);
        assertThat(shop.count("SELECT COUNT(*) FROM stock_ledger WHERE tenant_id = ? AND sku = ? AND reason LIKE "
                + "'bonded display:%'", shop.tenant().value(), shop.sku(0))).isEqualTo(2);
        assertThat(shop.count("SELECT COUNT(*) FROM audit_events WHERE tenant_id = ? AND subject_id = ? AND action IN "
                + "('DISPLAY_OUT_FOR_DISPLAY', 'DISPLAY_RETURNED_TO_ZONE')", shop.tenant().value(), account)).isEqualTo(2);
        assertThat(shop.as(() -> context.getBean(DisplayAccounts.class).movements(account, 0, 10)).items())
                .extracting(DisplayMovement::movementKey).containsExactly("back-1", "out-1");
    }

    @Test
    void a_return_of_more_than_is_on_display_is_refused_and_changes_nothing() {
        DisplayShop shop = new DisplayShop(context, 10, 1);
        String account = shop.account(60, 90).account().id();
        shop.move(account, "out-1", "OUT_FOR_DISPLAY", shop.sku(0), 2, null);

        assertThatThrownBy(() -> shop.move(account, "back-1", "RETURNED_TO_ZONE", shop.sku(0), 3, null))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.code()).isEqualTo("DISPLAY_BALANCE_NEGATIVE"));

        assertThat(balance(shop, account, 0)).isEqualTo(new DisplayBalance(shop.sku(0), 2, 0, 0, 2, 0));
        assertThat(shop.onHand(shop.sku(0))).isEqualTo(8);
        assertThat(movements(shop, account)).isEqualTo(1);
        assertThat(shop.count("SELECT COUNT(*) FROM stock_ledger WHERE tenant_id = ? AND sku = ? AND reason LIKE "
                + "'bonded display:%'", shop.tenant().value(), shop.sku(0))).isEqualTo(1);
    }

    @Test
    void more_out_than_the_warehouse_holds_is_refused_by_the_catalog_and_changes_nothing() {
        DisplayShop shop = new DisplayShop(context, 10, 1);
        String account = shop.account(60, 90).account().id();

        assertThatThrownBy(() -> shop.move(account, "out-1", "OUT_FOR_DISPLAY", shop.sku(0), 11, null))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.code()).isEqualTo("STOCK_NEGATIVE"));

        assertThat(shop.onHand(shop.sku(0))).isEqualTo(10);
        assertThat(movements(shop, account)).isZero();
        assertThat(shop.count("SELECT COUNT(*) FROM display_balances WHERE account_id = ?", account)).isZero();
        // the key is free: the corrected movement goes through under it
        assertThat(shop.move(account, "out-1", "OUT_FOR_DISPLAY", shop.sku(0), 10, null).movement().onDisplayAfter())
                .isEqualTo(10);
    }

    @Test
    void a_replayed_movement_key_answers_the_first_movement_and_moves_nothing_twice() {
        DisplayShop shop = new DisplayShop(context, 10, 2);
        String account = shop.account(60, 90).account().id();
        RecordedMovement first = shop.move(account, "out-1", "OUT_FOR_DISPLAY", shop.sku(0), 4, null);

        RecordedMovement again = shop.move(account, "out-1", "OUT_FOR_DISPLAY", shop.sku(0), 4, null);

        assertThat(again.replayed()).isTrue();
        assertThat(again.movement()).isEqualTo(first.movement());
        assertThat(shop.onHand(shop.sku(0))).isEqualTo(6);
        assertThat(movements(shop, account)).isEqualTo(1);
        assertThatThrownBy(() -> shop.move(account, "out-1", "OUT_FOR_DISPLAY", shop.sku(1), 4, null))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("MOVEMENT_KEY_REUSED"));
        assertThat(shop.onHand(shop.sku(1))).isEqualTo(10);
    }

    @Test
    void two_requests_racing_with_one_key_record_one_movement() throws Exception {
        DisplayShop shop = new DisplayShop(context, 10, 1);
        String account = shop.account(60, 90).account().id();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<RecordedMovement>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return shop.move(account, "race-1", "OUT_FOR_DISPLAY", shop.sku(0), 3, null);
                }));
            }
            List<RecordedMovement> recorded = new ArrayList<>();
            for (Future<RecordedMovement> answer : answers) {
                recorded.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(recorded).extracting(r -> r.movement().id()).containsOnly(recorded.get(0).movement().id());
            assertThat(recorded).extracting(RecordedMovement::replayed).containsExactlyInAnyOrder(true, false);
        } finally {
            threads.shutdownNow();
        }
        assertThat(shop.onHand(shop.sku(0))).isEqualTo(7);
        assertThat(movements(shop, account)).isEqualTo(1);
    }

    @Test
    void a_sample_sold_is_declared_against_a_released_order_of_the_store_and_the_orders_unit_stays_in_the_warehouse() {
        DisplayShop shop = new DisplayShop(context, 10, 2);
        String account = shop.account(60, 90).account().id();
        shop.move(account, "out-1", "OUT_FOR_DISPLAY", shop.sku(0), 3, null);
        String released = shop.order("RELEASED", shop.sku(0), 2);

        RecordedMovement sold = shop.move(account, "sold-1", "SOLD_DECLARED", shop.sku(0), 1, released);

        assertThat(sold.movement().orderNo()).isEqualTo(released);
        assertThat(balance(shop, account, 0)).isEqualTo(new DisplayBalance(shop.sku(0), 3, 1, 0, 2, 0));
        assertThat(shop.onHand(shop.sku(0))).as("the order's unit did not leave the warehouse").isEqualTo(10 - 3 + 1);
        assertThat(code(() -> shop.move(account, "sold-2", "SOLD_DECLARED", shop.sku(0), 2, released)))
                .isEqualTo("ORDER_QUANTITY_EXCEEDED");
        assertThat(code(() -> shop.move(account, "sold-3", "SOLD_DECLARED", shop.sku(0), 1,
                shop.order("PAID", shop.sku(0), 1)))).isEqualTo("ORDER_NOT_RELEASED");
        assertThat(code(() -> shop.move(account, "sold-4", "SOLD_DECLARED", shop.sku(0), 1,
                shop.order("RELEASED", shop.sku(1), 1)))).isEqualTo("ORDER_WITHOUT_SKU");
        assertThat(code(() -> shop.move(account, "sold-5", "SOLD_DECLARED", shop.sku(0), 1, "V0000NOSUCHORDER")))
                .isEqualTo("ORDER_UNKNOWN");
        DisplayShop neighbour = shop.neighbour(10, 1);
        assertThat(code(() -> shop.move(account, "sold-6", "SOLD_DECLARED", shop.sku(0), 1,
                neighbour.order("RELEASED", shop.sku(0), 1)))).as("another tenant's order").isEqualTo("ORDER_UNKNOWN");
        assertThat(movements(shop, account)).isEqualTo(2);
        assertThat(shop.onHand(shop.sku(0))).isEqualTo(8);
    }

    @Test
    void bad_input_names_every_field_and_rule_and_changes_nothing() {
        DisplayShop shop = new DisplayShop(context, 10, 1);
        String account = shop.account(60, 90).account().id();

        assertThatThrownBy(() -> shop.as(() -> context.getBean(DisplayMovements.class).record(shop.admin(), account,
                new MovementForm("bad key!", "LOST", "", new BigDecimal("1.5"), null, null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::rule).containsExactlyInAnyOrder(
                                tuple("movementKey", "MOVEMENT_KEY_FORM"),
                                tuple("kind", "NOT_ONE_OF"),
                                tuple("sku", "REQUIRED"),
                                tuple("quantity", "WHOLE_NUMBER")));
        assertThatThrownBy(() -> shop.move(account, "sold-1", "SOLD_DECLARED", shop.sku(0), 1, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("orderNo"));
        LocalDate today = ChinaTime.today(clock);
        assertThatThrownBy(() -> shop.as(() -> context.getBean(DisplayAccounts.class).open(shop.admin(),
                new AccountForm(shop.store(), null, new BigDecimal("-5"), "", "2026-13-01", today.toString(),
                        today.minusDays(1).toString()))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("guarantee.amountFen",
                                "guarantee.reference", "guarantee.expiresOn", "displayTo"));
        assertThat(movements(shop, account)).isZero();
        assertThat(shop.onHand(shop.sku(0))).isEqualTo(10);
        assertThatThrownBy(() -> shop.account(60, 90)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("DISPLAY_ACCOUNT_EXISTS"));
    }

    @Test
    void another_tenants_account_is_not_found_and_the_park_sees_only_its_members() {
        DisplayShop shop = new DisplayShop(context, 10, 1);
        DisplayShop neighbour = shop.neighbour(10, 1);
        DisplayShop elsewhere = new DisplayShop(context, 10, 1);
        String account = shop.account(60, 90).account().id();
        neighbour.account(60, 90);
        elsewhere.account(60, 90);

        assertThatThrownBy(() -> neighbour.as(() -> context.getBean(DisplayAccounts.class).get(account)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> neighbour.move(account, "x-1", "OUT_FOR_DISPLAY", shop.sku(0), 1, null))
                .isInstanceOf(NotFoundException.class);
        assertThat(neighbour.as(() -> context.getBean(DisplayAccounts.class).list())).hasSize(1);
        ParkDisplay park = context.getBean(ParkDisplay.class);
        assertThat(park.accounts(shop.parkAdmin(), shop.parkSlug(), null))
                .extracting(ParkDisplay.MemberAccount::member).containsExactlyInAnyOrder(shop.slug(), neighbour.slug());
        assertThat(park.accounts(shop.parkAdmin(), shop.parkSlug(), shop.slug()))
                .extracting(a -> a.account().account().id()).containsExactly(account);
        assertThatThrownBy(() -> park.accounts(shop.parkAdmin(), shop.parkSlug(), elsewhere.slug()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> park.report(elsewhere.parkAdmin(), shop.parkSlug(), null))
                .isInstanceOf(NotFoundException.class);
        assertThat(shop.count("SELECT COUNT(*) FROM audit_events WHERE tenant_id = ? AND action = "
                + "'PARK_READ_DISPLAY_ACCOUNTS'", shop.tenant().value())).isEqualTo(2);
    }

    @Test
    void the_expiry_alerts_are_raised_once_per_threshold_for_the_retailer_and_its_park() {
        DisplayShop shop = new DisplayShop(context, 10, 1);
        AccountView account = shop.account(5, 30);
        DisplayShop idle = new DisplayShop(context, 10, 1);
        idle.account(5, 30); // nothing on display: no alert
        shop.move(account.account().id(), "out-1", "OUT_FOR_DISPLAY", shop.sku(0), 2, null);
        DisplayExpiryWatch watch = context.getBean(DisplayExpiryWatch.class);

        watch.raiseDue();
        watch.raiseDue();

        assertThat(alerts(shop, shop.tenant().value())).containsExactly("DISPLAY_PERIOD_ENDING " + account.account().id()
                + ":" + account.account().period().to() + ":7d");
        assertThat(alerts(shop, shop.park().value())).hasSize(1);
        assertThat(alerts(idle, idle.tenant().value())).isEmpty();

        LocalDate today = ChinaTime.today(clock);
        shop.as(() -> context.getBean(DisplayAccounts.class).renew(shop.admin(), account.account().id(),
                new AccountForm(null, null, BigDecimal.valueOf(100), "BG-NEW", today.toString(),
                        today.minusDays(10).toString(), today.toString())));
        watch.raiseDue();
        watch.raiseDue();

        assertThat(alerts(shop, shop.tenant().value())).containsExactlyInAnyOrder(
                "DISPLAY_PERIOD_ENDING " + account.account().id() + ":" + account.account().period().to() + ":7d",
                "DISPLAY_PERIOD_ENDING " + account.account().id() + ":" + today + ":1d",
                "DISPLAY_GUARANTEE_EXPIRING " + account.account().id() + ":" + today + ":1d");
    }

    @Test
    void the_report_sets_the_book_as_of_each_count_against_the_shelf_and_flags_differences() {
        DisplayShop shop = new DisplayShop(context, 20, 3);
        String account = shop.account(60, 90).account().id();
        shop.move(account, "out-a", "OUT_FOR_DISPLAY", shop.sku(0), 5, null);
        shop.move(account, "back-a", "RETURNED_TO_ZONE", shop.sku(0), 1, null);
        shop.move(account, "out-b", "OUT_FOR_DISPLAY", shop.sku(1), 2, null);
        shop.move(account, "out-c", "OUT_FOR_DISPLAY", shop.sku(2), 3, null);
        Instant counted = clock.instant().plusSeconds(1);
        shop.shelfCount(shop.sku(0), 3, counted);   // the book says 4: one short
        shop.shelfCount(shop.sku(2), 3, counted);   // matches
        // moved after the count (the test clock stands still until moved): not a difference
        context.getBean(MutableClock.class).advance(Duration.ofSeconds(2));
        shop.move(account, "out-a2", "OUT_FOR_DISPLAY", shop.sku(0), 2, null);

        DisplayReconciliation report = shop.as(() -> context.getBean(DisplayReports.class).own());

        Map<String, ReportLine> lines = report.lines().stream().collect(Collectors.toMap(ReportLine::sku, l -> l));
        ReportLine a = lines.get(shop.sku(0));
        assertThat(List.of(a.out(), a.sold(), a.returned(), a.onDisplay())).containsExactly(7L, 0L, 1L, 6L);
        assertThat(a.counted()).isEqualTo(3);
        assertThat(a.bookAtCount()).isEqualTo(4);
        assertThat(a.difference()).isEqualTo(-1);
        assertThat(a.flag()).isEqualTo(ReportFlag.SHORT);
        assertThat(a.emsNo()).isEqualTo("T5349W1");
        assertThat(lines.get(shop.sku(1)).flag()).isEqualTo(ReportFlag.NOT_COUNTED);
        assertThat(lines.get(shop.sku(2)).flag()).isEqualTo(ReportFlag.MATCH);
        assertThat(report.differences()).isEqualTo(2);
        assertThat(report.guarantees()).singleElement().satisfies(g -> {
            assertThat(g.guaranteeFen()).isEqualTo(5_000_000);
            assertThat(g.guaranteeYuan()).isEqualTo("50000.00");
            assertThat(g.guaranteeDaysLeft()).isEqualTo(90);
            assertThat(g.periodDaysLeft()).isEqualTo(60);
            assertThat(g.onDisplay()).isEqualTo(6 + 2 + 3);
        });

        for (TabularFormat format : TabularFormat.values()) {
            ReportFile file = context.getBean(DisplayReports.class).file(report, format);
            List<TabularRow> rows = read(file, format);
            assertThat(file.filename()).endsWith("." + format.extension()).startsWith("display-reconciliation-");
            assertThat(rows).hasSize(3);
            TabularRow row = rows.stream().filter(r -> r.get("sku").equals(shop.sku(0))).findFirst().orElseThrow();
            assertThat(row.get("onDisplay")).isEqualTo("6");
            assertThat(row.get("counted")).isEqualTo("3");
            assertThat(row.get("bookAtCount")).isEqualTo("4");
            assertThat(row.get("difference")).isEqualTo("-1");
            assertThat(row.get("flag")).isEqualTo("SHORT");
            assertThat(row.get("guaranteeYuan")).isEqualTo("50000.00");
            assertThat(row.get("member")).isEqualTo(shop.slug());
        }
        DisplayReconciliation parks = context.getBean(ParkDisplay.class).report(shop.parkAdmin(), shop.parkSlug(), null);
        assertThat(parks.lines()).hasSize(3);
        assertThat(shop.count("SELECT COUNT(*) FROM audit_events WHERE tenant_id = ? AND action = "
                + "'PARK_READ_DISPLAY_REPORT'", shop.tenant().value())).isEqualTo(1);
    }

    private List<TabularRow> read(ReportFile file, TabularFormat format) {
        List<TabularRow> rows = new ArrayList<>();
        context.getBean(TabularReader.class).read(new ByteArrayInputStream(file.content()), format,
                TabularColumns.of(ReportSheet.HEADER, List.of()), rows::add);
        return rows;
    }

    private List<String> alerts(DisplayShop shop, String tenant) {
        return new SqlProbe(transactions()).strings(
                "SELECT CONCAT(kind, ' ', subject) FROM alerts WHERE tenant_id = ? AND kind LIKE 'DISPLAY_%' "
                        + "ORDER BY occurred_at", tenant);
    }

    @SuppressWarnings("unchecked")
    private TransactionOperations<Connection> transactions() {
        return context.getBean(TransactionOperations.class);
    }

    private static String code(Runnable movement) {
        try {
            movement.run();
        } catch (BusinessRuleException e) {
            return e.code();
        }
        throw new AssertionError("the movement was not refused");
    }

    private static int movements(DisplayShop shop, String account) {
        return shop.count("SELECT COUNT(*) FROM display_movements WHERE account_id = ?", account);
    }

    private DisplayBalance balance(DisplayShop shop, String account, int sku) {
        return shop.as(() -> context.getBean(DisplayAccounts.class).get(account)).balances().stream()
                .filter(b -> b.sku().equals(shop.sku(sku))).findFirst().orElseThrow();
    }
}
