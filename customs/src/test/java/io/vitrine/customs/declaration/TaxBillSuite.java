package io.vitrine.customs.declaration;

import io.micronaut.context.ApplicationContext;
import io.vitrine.customs.messages.CebMessage;
import io.vitrine.customs.messages.CebWriter;
import io.vitrine.customs.messages.DeclarationReceipt;
import io.vitrine.customs.messages.MessageType;
import io.vitrine.customs.messages.TaxBill;
import io.vitrine.customs.messages.TaxHeadRd;
import io.vitrine.customs.messages.TaxListRd;
import io.vitrine.customs.tax.TaxReconciliation;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.orders.ordering.Order;
import io.vitrine.orders.testing.OrderFixtures;
import io.vitrine.orders.testing.OrderFixtures.Shop;
import io.vitrine.orders.testing.TestBuyers;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * CEB816 tax bills end to end on H2 and MariaDB: receipt files (a CEB622 800 carrying customs' invtNo, then the
 * CEB816 naming it) read by the real receipt round, recorded once per bill number in the order's tenant, and the
 * reconciliation against the tax the orders collected (placed and paid for real).
 */
abstract class TaxBillSuite {

    private static final String EBC = DeclaringShop.EBC_CODE;

    private final DeclaringShop customs = new DeclaringShop(declaring());
    private final ApplicationContext context = customs.context();
    private final OrderFixtures fixtures = customs.fixtures();
    private final Shop shop = customs.shop();

    protected abstract DeclarationContexts.Declaring declaring();

    @Test
    void a_bill_is_recorded_once_in_its_orders_tenant_and_matches_the_tax_collected() throws Exception {
        Order order = releasedOrder("INV" + suffix(), Instant.now());
        String invtNo = invtNo(order);
        String taxNo = "T" + suffix();
        Money tax = order.amounts().tax();
        assertThat(tax.isPositive()).isTrue();

        String bill = Ids.customsGuid();
        bill(bill, invtNo, taxNo, tax, TaxHeadRd.GENERATED, EBC);
        bill(bill, invtNo, taxNo, tax, TaxHeadRd.GENERATED, EBC);
        customs.round();

        assertThat(fixtures.strings("SELECT tenant_id FROM customs_tax_bills WHERE tax_no = ?", taxNo))
                .containsExactly(shop.tenant().value());
        assertThat(fixtures.strings("SELECT order_no FROM customs_tax_bills WHERE tax_no = ?", taxNo))
                .containsExactly(order.orderNo());
        TaxReconciliation.Report report = reconcile(shop);
        assertThat(report.matched()).extracting(TaxReconciliation.Line::orderNo).containsExactly(order.orderNo());
        assertThat(report.matched().get(0).billed()).isEqualTo(tax);
        assertThat(report.differences()).isEmpty();
        assertThat(report.releasedWithoutBill()).isEmpty();

        Shop other = fixtures.shop();
        TaxReconciliation.Report theirs = reconcile(other);
        assertThat(theirs.matched()).isEmpty();
        assertThat(theirs.billsWithoutOrder()).isEmpty();
    }

    @Test
    void a_bill_that_differs_is_listed_with_the_difference_in_fen_and_a_void_bill_is_left_out() throws Exception {
        Order order = releasedOrder("INV" + suffix(), Instant.now());
        String invtNo = invtNo(order);
        Money tax = order.amounts().tax();
        bill(Ids.customsGuid(), invtNo, "T" + suffix(), tax.plus(Money.ofFen(100)), TaxHeadRd.GENERATED, EBC);
        bill(Ids.customsGuid(), invtNo, "T" + suffix(), Money.ofFen(999_00), TaxHeadRd.VOID, EBC);
        customs.round();

        TaxReconciliation.Report report = reconcile(shop);
        assertThat(report.matched()).isEmpty();
        assertThat(report.differences()).singleElement().satisfies(line -> {
            assertThat(line.orderNo()).isEqualTo(order.orderNo());
            assertThat(line.collected()).isEqualTo(tax);
            assertThat(line.difference()).isEqualTo(Money.ofFen(100));
        });
    }

    @Test
    void a_later_void_of_the_same_bill_number_replaces_its_status() throws Exception {
        Order order = releasedOrder("INV" + suffix(), Instant.now());
        String taxNo = "T" + suffix();
        bill(Ids.customsGuid(), invtNo(order), taxNo, order.amounts().tax(), TaxHeadRd.GENERATED, EBC);
        customs.round();
        bill(Ids.customsGuid(), invtNo(order), taxNo, order.amounts().tax(), TaxHeadRd.VOID, EBC);
        customs.round();

        assertThat(fixtures.count("SELECT COUNT(*) FROM customs_tax_bills WHERE tax_no = ?", taxNo)).isEqualTo(1);
        assertThat(fixtures.strings("SELECT status FROM customs_tax_bills WHERE tax_no = ?", taxNo))
                .containsExactly("3");
        assertThat(reconcile(shop).matched()).isEmpty();
    }

    @Test
    void a_bill_for_no_list_of_ours_is_a_bill_with_no_order_for_the_tenant_of_its_ebc_code() throws Exception {
        String ebc = "33019" + suffix().substring(0, 5);
        fixtures.execute("UPDATE tenant_settings SET customs_ebc_code = ? WHERE tenant_id = ?", ebc,
                shop.tenant().value());
        String taxNo = "T" + suffix();
        bill(Ids.customsGuid(), "UNKNOWN" + suffix(), taxNo, Money.ofFen(2721), TaxHeadRd.GENERATED, ebc);
        customs.round();

        assertThat(reconcile(shop).billsWithoutOrder()).extracting(TaxReconciliation.Orphan::taxNo)
                .containsExactly(taxNo);
        assertThat(reconcile(fixtures.shop()).billsWithoutOrder()).isEmpty();
    }

    @Test
    void an_order_released_days_ago_without_a_bill_is_listed_and_a_recent_one_is_not() throws Exception {
        Order old = releasedOrder("INV" + suffix(), Instant.now().minus(5, ChronoUnit.DAYS));
        Order recent = releasedOrder("INV" + suffix(), Instant.now());

        List<String> unbilled = reconcile(shop).releasedWithoutBill().stream()
                .map(TaxReconciliation.Released::orderNo).toList();
        assertThat(unbilled).contains(old.orderNo()).doesNotContain(recent.orderNo());
        assertThat(reconcile(fixtures.shop()).releasedWithoutBill()).isEmpty();
    }

    @Test
    void bad_periods_are_refused_naming_the_field() {
        assertThatThrownBy(() -> as(shop, () -> reconciliation().reconcile("2026-13-01", "2026-11-30")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .anySatisfy(error -> assertThat(error.field()).isEqualTo("from")));
        assertThatThrownBy(() -> as(shop, () -> reconciliation().reconcile("2026-11-30", "2026-11-01")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .anySatisfy(error -> assertThat(error.rule()).isEqualTo("DATE_ORDER")));
        assertThatThrownBy(() -> as(shop, () -> reconciliation().reconcile(null, "2026-11-01")))
                .isInstanceOf(InvalidInputException.class);
    }

    // --- helpers

    private final java.util.Map<String, String> invtNos = new java.util.HashMap<>();

    private String invtNo(Order order) {
        return invtNos.get(order.orderNo());
    }

    /** A paid, declared order whose (hand-recorded) inventory list customs released at {@code releasedAt}. */
    private Order releasedOrder(String invtNo, Instant releasedAt) throws IOException {
        String sku = fixtures.product(shop, 29900, "1210", OrderFixtures.LISTED_HS_CODE, 5);
        Order placed = customs.placedOrder(sku, "张三", TestBuyers.newBuyer());
        customs.pay(placed, "2026113022" + placed.orderNo().substring(7));
        customs.dispatch();
        // the inventory leg is not this suite's: its CEB621 message is written as that leg would keep it
        String guid = Ids.customsGuid();
        fixtures.execute("INSERT INTO declaration_messages (guid, tenant_id, order_no, message_type, app_type, "
                        + "xml_sealed, signed, file_name, created_at, sent_at, attempts) VALUES (?, ?, ?, 'CEB621', '1', "
                        + "'v1:x', TRUE, ?, ?, ?, 1)", guid, shop.tenant().value(), placed.orderNo(),
                "CEB621Message_" + guid + ".xml", "2026-11-30 00:00:00", "2026-11-30 00:00:00");
        DeclarationReceipt released = new DeclarationReceipt(guid, "3301", "3301960VT1", EBC, "3301960VT1",
                null, placed.orderNo(), "B20261130000000001", invtNo, 800, releasedAt, "放行");
        write("CEB622Message_", new CebWriter().write(new CebMessage<>(MessageType.CEB622, Ids.customsGuid(),
                List.of(released), null)));
        customs.round();
        invtNos.put(placed.orderNo(), invtNo);
        return placed;
    }

    private void bill(String guid, String invtNo, String taxNo, Money vat, String status, String ebc)
            throws IOException {
        TaxHeadRd head = new TaxHeadRd(guid, Instant.now().truncatedTo(ChronoUnit.SECONDS), invtNo, taxNo, Money.ZERO,
                vat, Money.ZERO, status, null, null, null, ebc, null, "3301960VT1", "3301");
        TaxBill bill = new TaxBill(head, List.of(new TaxListRd(1, OrderFixtures.LISTED_HS_CODE, Money.ofFen(29900),
                Money.ZERO, vat, Money.ZERO)));
        write("CEB816Message_", new CebWriter().write(new CebMessage<>(MessageType.CEB816, guid, List.of(bill), null)));
    }

    private void write(String prefix, byte[] xml) throws IOException {
        Files.write(customs.receiveFolder().resolve(prefix + UUID.randomUUID() + ".xml"), xml);
    }

    private TaxReconciliation.Report reconcile(Shop who) {
        LocalDate today = ChinaTime.today(Clock.systemUTC());
        return as(who, () -> reconciliation().reconcile(today.minusDays(10).toString(), today.toString()));
    }

    private TaxReconciliation reconciliation() {
        return context.getBean(TaxReconciliation.class);
    }

    private static String suffix() {
        return Long.toString(System.nanoTime() % 10_000_000_000L);
    }

    private <T> T as(Shop who, TenantContext.Work<T, RuntimeException> work) {
        return TenantContext.callAs(who.tenant(), work);
    }
}
