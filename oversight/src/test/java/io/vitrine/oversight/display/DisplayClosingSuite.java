package io.vitrine.oversight.display;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.FieldError;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.outbox.DeliveredEvent;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.pos.events.SaleAccepted;
import io.vitrine.pos.events.SalesAccepted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Closing a display account and the POS's till sales of display samples, on H2 and on MariaDB: a closing refused
 * while units are out (naming them), the guarantee's release recorded and audited, a closed account refusing
 * movements, renewals and a second closing, raising no alerts; a SALE accepted by the event ingest taking units off
 * display through the outbox as "sold, awaiting declaration", once however often the POS or the outbox sends it,
 * flagged in the report until a declared order settles it.
 */
abstract class DisplayClosingSuite {

    private ApplicationContext context;
    private Clock clock;

    protected abstract ApplicationContext context();

    @BeforeEach
    void setUp() {
        context = context();
        clock = context.getBean(Clock.class);
    }

    @Test
    void an_account_closes_only_once_nothing_is_out_and_then_takes_no_movement() {
        DisplayShop shop = new DisplayShop(context, 10, 2);
        String account = shop.account(60, 90).account().id();
        shop.move(account, "out-0", "OUT_FOR_DISPLAY", shop.sku(0), 3, null);
        shop.move(account, "out-1", "OUT_FOR_DISPLAY", shop.sku(1), 2, null);
        shop.move(account, "back-1", "RETURNED_TO_ZONE", shop.sku(1), 2, null);

        assertThatThrownBy(() -> close(shop, account, today().toString(), "REL-1"))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("DISPLAY_UNITS_OUT");
                    assertThat(e.getMessage()).contains(shop.sku(0) + ": 3 on display").doesNotContain(shop.sku(1));
                });
        assertThat(closedAccounts(shop)).isZero();

        shop.move(account, "back-0", "RETURNED_TO_ZONE", shop.sku(0), 3, null);
        AccountView closed = close(shop, account, today().minusDays(1).toString(), "REL-1");

        assertThat(closed.account().closed()).isTrue();
        assertThat(closed.account().release().releasedOn()).isEqualTo(today().minusDays(1));
        assertThat(closed.account().release().reference()).isEqualTo("REL-1");
        assertThat(shop.as(() -> context.getBean(DisplayAccounts.class).get(account)).account().release())
                .isEqualTo(closed.account().release());
        assertThat(closedAccounts(shop)).isEqualTo(1);
        assertThat(shop.count("SELECT COUNT(*) FROM audit_events WHERE tenant_id = ? AND subject_id = ? AND action = "
                + "'DISPLAY_ACCOUNT_CLOSED'", shop.tenant().value(), account)).isEqualTo(1);
        assertThat(code(() -> shop.move(account, "out-2", "OUT_FOR_DISPLAY", shop.sku(0), 1, null)))
                .isEqualTo("DISPLAY_ACCOUNT_CLOSED");
        assertThat(code(() -> close(shop, account, today().toString(), "REL-2"))).isEqualTo("DISPLAY_ACCOUNT_CLOSED");
        assertThat(code(() -> shop.as(() -> context.getBean(DisplayAccounts.class).renew(shop.admin(), account,
                new AccountForm(null, null, java.math.BigDecimal.TEN, "BG-2", today().plusDays(90).toString(),
                        today().toString(), today().plusDays(30).toString())))))
                .isEqualTo("DISPLAY_ACCOUNT_CLOSED");
        // the refused movement moved nothing; a replay of a movement recorded before the closing still answers it
        assertThat(shop.onHand(shop.sku(0))).isEqualTo(10);
        assertThat(shop.move(account, "back-0", "RETURNED_TO_ZONE", shop.sku(0), 3, null).replayed()).isTrue();
        // the report shows the account closed with its release
        DisplayReconciliation report = shop.as(() -> context.getBean(DisplayReports.class).own());
        assertThat(report.guarantees()).singleElement().satisfies(line -> {
            assertThat(line.status()).isEqualTo("CLOSED");
            assertThat(line.release().reference()).isEqualTo("REL-1");
        });
    }

    @Test
    void a_closing_names_its_fields_and_changes_nothing() {
        DisplayShop shop = new DisplayShop(context, 10, 1);
        String account = shop.account(60, 90).account().id();

        assertThatThrownBy(() -> close(shop, account, today().plusDays(1).toString(), " "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::rule)
                        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("releasedOn", "NOT_IN_FUTURE"),
                                org.assertj.core.groups.Tuple.tuple("releaseReference", "REQUIRED")));
        assertThatThrownBy(() -> close(shop, account, "31/12/2026", "REL"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::rule).containsExactly("DATE"));
        assertThat(closedAccounts(shop)).isZero();
    }

    @Test
    void a_closed_account_raises_no_expiry_alert_and_sales_awaiting_declaration_keep_raising() {
        DisplayShop closedShop = new DisplayShop(context, 10, 1);
        String closed = closedShop.account(1, 1).account().id();
        closedShop.move(closed, "out-0", "OUT_FOR_DISPLAY", closedShop.sku(0), 1, null);
        closedShop.move(closed, "back-0", "RETURNED_TO_ZONE", closedShop.sku(0), 1, null);
        close(closedShop, closed, today().toString(), "REL-1");
        DisplayShop soldShop = new DisplayShop(context, 10, 1);
        String sold = soldShop.account(1, 1).account().id();
        soldShop.move(sold, "out-0", "OUT_FOR_DISPLAY", soldShop.sku(0), 1, null);
        assertThat(soldShop.tillSale("e-" + UUID.randomUUID(), soldShop.sku(0), 1)).isEqualTo("ACCEPTED");
        soldShop.dispatch();

        context.getBean(DisplayExpiryWatch.class).raiseDue();

        assertThat(alerts(closedShop, closed)).isZero();
        assertThat(alerts(soldShop, sold)).isEqualTo(2); // period and guarantee, 1 day left: the sale is not declared
    }

    @Test
    void a_pos_sale_of_a_display_sku_moves_it_to_sold_awaiting_declaration_once() {
        DisplayShop shop = new DisplayShop(context, 10, 2);
        String account = shop.account(60, 90).account().id();
        shop.move(account, "out-0", "OUT_FOR_DISPLAY", shop.sku(0), 3, null);
        String eventId = "e-" + UUID.randomUUID();

        assertThat(shop.tillSale(eventId, shop.sku(0), 2)).isEqualTo("ACCEPTED");
        assertThat(shop.tillSale("e-" + UUID.randomUUID(), shop.sku(1), 1)).isEqualTo("ACCEPTED"); // not on display
        shop.dispatch();

        assertThat(balance(shop, account, 0)).isEqualTo(new DisplayBalance(shop.sku(0), 3, 0, 0, 1, 2));
        assertThat(shop.count("SELECT COUNT(*) FROM display_balances WHERE account_id = ?", account)).isEqualTo(1);
        assertThat(shop.onHand(shop.sku(0))).isEqualTo(7); // the warehouse counted the sample out already
        assertThat(shop.count("SELECT COUNT(*) FROM display_movements WHERE account_id = ? AND kind = 'SOLD_AT_POS' "
                + "AND actor_id = 'system'", account)).isEqualTo(1);
        assertThat(shop.count("SELECT COUNT(*) FROM audit_events WHERE tenant_id = ? AND subject_id = ? AND action = "
                + "'DISPLAY_SOLD_AT_POS'", shop.tenant().value(), account)).isEqualTo(1);

        // the POS sends the batch again: a duplicate, nothing published, nothing moved
        assertThat(shop.tillSale(eventId, shop.sku(0), 2)).isEqualTo("DUPLICATE");
        shop.dispatch();
        // the outbox delivers the sale again under another event id: its movement key is found, nothing moved
        redeliver(shop, eventId, 2);
        assertThat(balance(shop, account, 0)).isEqualTo(new DisplayBalance(shop.sku(0), 3, 0, 0, 1, 2));
        assertThat(shop.count("SELECT COUNT(*) FROM display_movements WHERE account_id = ?", account)).isEqualTo(2);

        // the report flags the line until it is declared
        ReportLine line = shop.as(() -> context.getBean(DisplayReports.class).own()).lines().get(0);
        assertThat(line.soldNotDeclared()).isEqualTo(2);
        assertThat(line.flag()).isEqualTo(ReportFlag.SOLD_NOT_DECLARED);
        // a sale of more than is on display takes what is there; the rest was not display goods
        assertThat(shop.tillSale("e-" + UUID.randomUUID(), shop.sku(0), 5)).isEqualTo("ACCEPTED");
        shop.dispatch();
        assertThat(balance(shop, account, 0)).isEqualTo(new DisplayBalance(shop.sku(0), 3, 0, 0, 0, 3));
        assertThat(code(() -> close(shop, account, today().toString(), "REL")))
                .isEqualTo("DISPLAY_UNITS_OUT");
    }

    @Test
    void a_declared_order_settles_the_pos_sales_awaiting_declaration_first() {
        DisplayShop shop = new DisplayShop(context, 10, 1);
        String account = shop.account(60, 90).account().id();
        shop.move(account, "out-0", "OUT_FOR_DISPLAY", shop.sku(0), 3, null);
        shop.tillSale("e-" + UUID.randomUUID(), shop.sku(0), 2);
        shop.dispatch();
        String order = shop.order("RELEASED", shop.sku(0), 2);

        RecordedMovement declared = shop.move(account, "sold-1", "SOLD_DECLARED", shop.sku(0), 2, order);

        assertThat(declared.movement().onDisplayAfter()).isEqualTo(1);
        assertThat(balance(shop, account, 0)).isEqualTo(new DisplayBalance(shop.sku(0), 3, 2, 0, 1, 0));
        assertThat(shop.as(() -> context.getBean(DisplayReports.class).own()).lines().get(0).flag())
                .isEqualTo(ReportFlag.NOT_COUNTED);
        shop.move(account, "back-0", "RETURNED_TO_ZONE", shop.sku(0), 1, null);
        assertThat(close(shop, account, today().toString(), "REL-9").account().closed()).isTrue();
        // a later till sale of the SKU finds no open account with it on display: nothing moves
        shop.tillSale("e-" + UUID.randomUUID(), shop.sku(0), 1);
        shop.dispatch();
        assertThat(balance(shop, account, 0)).isEqualTo(new DisplayBalance(shop.sku(0), 3, 2, 1, 0, 0));
    }

    @Test
    void the_movement_form_cannot_record_a_pos_sale() {
        DisplayShop shop = new DisplayShop(context, 10, 1);
        String account = shop.account(60, 90).account().id();

        assertThatThrownBy(() -> shop.move(account, "pos-1", "SOLD_AT_POS", shop.sku(0), 1, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::rule)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("kind", "POS_ONLY")));
    }

    private void redeliver(DisplayShop shop, String eventId, long quantity) {
        try {
            JsonMapper json = context.getBean(JsonMapper.class);
            SaleAccepted sale = new SaleAccepted(shop.tenant(), shop.store(), "dk-" + shop.store(), eventId,
                    "R-" + eventId, Instant.now(), List.of(new SaleAccepted.Line(0, shop.sku(0), quantity)));
            SalesAccepted batch = new SalesAccepted(shop.tenant(), shop.store(), sale.deviceKey(), List.of(sale));
            DeliveredEvent event = new DeliveredEvent(UUID.randomUUID().toString(), SalesAccepted.TYPE, shop.tenant(),
                    batch.businessKey(), Instant.now(), json.writeValueAsString(batch), 1, json);
            TenantContext.runAs(shop.tenant(), () -> transactions().executeWrite(status -> {
                context.getBean(PosSalesFeed.class).on(event);
                return null;
            }));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private AccountView close(DisplayShop shop, String account, String releasedOn, String reference) {
        return shop.as(() -> context.getBean(AccountClosing.class).close(shop.admin(), account,
                new CloseForm(releasedOn, reference)));
    }

    private LocalDate today() {
        return ChinaTime.today(clock);
    }

    private static int closedAccounts(DisplayShop shop) {
        return shop.count("SELECT COUNT(*) FROM display_accounts WHERE tenant_id = ? AND closed_at IS NOT NULL",
                shop.tenant().value());
    }

    private static int alerts(DisplayShop shop, String account) {
        return shop.count("SELECT COUNT(*) FROM alerts WHERE tenant_id = ? AND subject LIKE ?",
                shop.tenant().value(), account + ":%");
    }

    @SuppressWarnings("unchecked")
    private TransactionOperations<Connection> transactions() {
        return context.getBean(TransactionOperations.class);
    }

    private static String code(Runnable refused) {
        try {
            refused.run();
        } catch (io.vitrine.kernel.error.BusinessRuleException e) {
            return e.code();
        } catch (ConflictException e) {
            return e.code();
        }
        throw new AssertionError("not refused");
    }

    private DisplayBalance balance(DisplayShop shop, String account, int sku) {
        return shop.as(() -> context.getBean(DisplayAccounts.class).get(account)).balances().stream()
                .filter(b -> b.sku().equals(shop.sku(sku))).findFirst().orElseThrow();
    }
}
