package io.vitrine.customs.messages;

import io.vitrine.catalog.products.TradeMode;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tax.ImportTax;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.compliance.CheckoutAmounts;
import io.vitrine.orders.compliance.Taxation;
import io.vitrine.orders.ordering.Order;
import io.vitrine.orders.ordering.OrderLine;
import io.vitrine.orders.ordering.OrderStatus;
import io.vitrine.orders.ordering.PayMethod;
import io.vitrine.orders.ordering.SealedPersonalData;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Year;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An orders Order with its line snapshots declares the same as the plain facts of the golden files. */
class OrderSnapshotsTest {

    private static final OrderLine FORMULA = new OrderLine(1, "SKU-MILK-900", "6901234567892", "婴儿配方奶粉900克",
            "Infant formula 900 g", "示例牌 900g/罐", "1901101000", "TYB1210000001", "601", "122", "035",
            new BigDecimal("0.8"), null, null, new BigDecimal("1.05"), new BigDecimal("0.8"), TradeMode.BONDED_IMPORT,
            2, Money.ofFen(19800), Money.ofFen(39600), Money.ofFen(40000), ImportTax.NONE);
    private static final OrderLine CREAM = new OrderLine(2, "SKU-CREAM-50", "4901234567894", "保湿面霜50毫升", null,
            "示例牌 50ml", "3304990099", "TYB1210000002", "116", "007", "035", new BigDecimal("0.075"), "007",
            BigDecimal.ONE, new BigDecimal("0.12"), new BigDecimal("0.075"), TradeMode.BONDED_IMPORT, 1,
            Money.ofFen(12050), Money.ofFen(12050), Money.ofFen(12175), ImportTax.NONE);

    @Test
    void an_order_line_snapshot_maps_to_the_declared_line_with_its_legal_units_and_weights() {
        assertThat(OrderSnapshots.line(FORMULA)).isEqualTo(CebFixtures.FORMULA);
        assertThat(OrderSnapshots.line(CREAM)).isEqualTo(CebFixtures.CREAM);
    }

    @Test
    void a_paid_order_maps_to_the_facts_of_the_golden_declarations() {
        Instant placed = Instant.parse("2026-11-30T02:00:00Z");
        Order order = new Order("0196f0c2-0000-7000-8000-000000000001", TenantId.of("retailer-1"),
                "VT20261130000123", "S001", null, OrderStatus.PAID, TradeMode.BONDED_IMPORT, "W001",
                Taxation.WITHIN_LIMITS, CheckoutAmounts.of(Money.ofFen(51650), Money.ofFen(1000), Money.ofFen(50),
                Money.ofFen(500), Money.ofFen(4752)), Money.ofFen(56952), Year.of(2026), PayMethod.ALIPAY_QR, null,
                placed.plusSeconds(900), placed.plusSeconds(60), Money.ofFen(56952), "2026113022001400000000001234",
                null, null, null, placed, placed, 2, new SealedPersonalData(null, null, null, null, null, null, null, null,
                null, null, null, null));

        OrderFacts facts = OrderSnapshots.facts(order, List.of(FORMULA, CREAM), CebFixtures.PLATFORM,
                CebFixtures.SELLER, CebFixtures.ORDER.buyer(), CebFixtures.ORDER.consignee(),
                CebFixtures.ORDER.payment());

        assertThat(facts).isEqualTo(CebFixtures.ORDER);
    }
}
