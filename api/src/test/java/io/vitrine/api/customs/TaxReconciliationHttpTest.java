package io.vitrine.api.customs;

import io.vitrine.api.tenants.Rows;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.kernel.time.infra.SqlInstants;
import io.vitrine.orders.numbers.OrderNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/declarations/tax-reconciliation} in the embedded application: orders and their CEB816 bills
 * written into the tables (the receipt path and the comparison itself are proven in customs' {@code TaxBillSuite}),
 * read back per order in fen; the literal path is not taken for an order number; bad periods 400 naming the field;
 * no token 401; another tenant's bills never appear (also probed in {@code TenantIsolationWalkTest}).
 */
@ExtendWith(EmbeddedVitrine.class)
class TaxReconciliationHttpTest {

    private static final String PATH = "/api/v1/declarations/tax-reconciliation";

    private final TenantsApi api;

    TaxReconciliationHttpTest(RunningVitrine vitrine) {
        this.api = new TenantsApi(vitrine);
    }

    @Test
    @SuppressWarnings("unchecked")
    void bills_are_listed_per_order_as_matches_and_differences_in_fen() {
        TenantsApi.Merchant merchant = api.merchant(api.park());
        String token = merchant.admin().token();
        String matching = order(merchant.id());
        String differing = order(merchant.id());
        bill(merchant.id(), matching, 2721, "1");
        bill(merchant.id(), differing, 2821, "1");
        bill(merchant.id(), differing, 50000, "3");
        String today = ChinaTime.today(Clock.systemUTC()).toString();

        Map<String, Object> report = api.expect(200, api.get(PATH + "?from=" + LocalDate.parse(today).minusDays(7)
                + "&to=" + today, token));

        assertThat(report).containsEntry("to", today).containsEntry("billsWithoutOrder", List.of());
        List<Map<String, Object>> matched = (List<Map<String, Object>>) report.get("matched");
        assertThat(matched).singleElement().satisfies(line -> assertThat(line).containsEntry("orderNo", matching)
                .containsEntry("billedFen", 2721).containsEntry("collectedFen", 2721)
                .containsEntry("differenceFen", 0));
        List<Map<String, Object>> differences = (List<Map<String, Object>>) report.get("differences");
        assertThat(differences).singleElement().satisfies(line -> assertThat(line).containsEntry("orderNo", differing)
                .containsEntry("valueAddedTaxFen", 2821).containsEntry("differenceFen", 100));

        String otherToken = api.merchant(api.park()).admin().token();
        Map<String, Object> theirs = api.expect(200, api.get(PATH + "?from=" + today + "&to=" + today, otherToken));
        assertThat(theirs).containsEntry("matched", List.of()).containsEntry("differences", List.of());
    }

    @Test
    void bad_periods_are_refused_with_the_field_and_no_token_is_401() {
        String token = api.merchant(api.park()).admin().token();

        assertThat(rules(api.expectProblem(400, api.get(PATH + "?from=2026-13-01&to=2026-11-30", token))))
                .containsExactly("from:DATE");
        assertThat(rules(api.expectProblem(400, api.get(PATH, token)))).containsExactly("from:REQUIRED", "to:REQUIRED");
        assertThat(rules(api.expectProblem(400, api.get(PATH + "?from=2026-11-30&to=2026-11-01", token))))
                .containsExactly("to:DATE_ORDER");
        assertThat(rules(api.expectProblem(400, api.get(PATH + "?from=2024-01-01&to=2026-11-01", token))))
                .containsExactly("to:PERIOD_TOO_LONG");
        assertThat(api.get(PATH + "?from=2026-11-01&to=2026-11-30", null).statusCode()).isEqualTo(401);
    }

    private String order(String tenantId) {
        String body = "V261130" + String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
        String orderNo = IntStream.range(0, 10).mapToObj(digit -> body + digit).filter(OrderNumber::isValid)
                .findFirst().orElseThrow();
        String now = "2026-11-30 10:00:00.000000";
        Rows.update(api.vitrine(), "INSERT INTO orders (id, tenant_id, order_no, store_code, cart_ref, status, "
                + "trade_mode, warehouse_code, taxation, goods_value_fen, freight_fen, insurance_fen, discount_fen, "
                + "tax_fen, total_fen, quota_fen, token_hash, pay_method, payment_expires_at, placed_at, updated_at, "
                + "version) VALUES (?, ?, ?, 'S-1', ?, 'RELEASED', '1210', 'W-01', 'WITHIN_LIMITS', 29900, 0, 0, 0, "
                + "2721, 32621, 0, 'x', 'ALIPAY_QR', ?, ?, ?, 0)", UUID.randomUUID().toString(), tenantId, orderNo,
                UUID.randomUUID().toString(), now, now, now);
        return orderNo;
    }

    private void bill(String tenantId, String orderNo, long vatFen, String status) {
        String now = SqlInstants.text(Instant.now());
        String taxNo = "T" + UUID.randomUUID().toString().substring(0, 18);
        Rows.update(api.vitrine(), "INSERT INTO customs_tax_bills (tax_no, bill_guid, message_guid, tenant_id, order_no, "
                + "invt_no, ebc_code, customs_tax_fen, value_added_tax_fen, consumption_tax_fen, status, return_time, "
                + "received_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, NULL, 0, " + vatFen + ", 0, ?, ?, ?, ?)", taxNo,
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), tenantId, orderNo, "I" + orderNo, status,
                now, now, now);
    }

    @SuppressWarnings("unchecked")
    private static List<String> rules(Map<String, Object> problem) {
        return ((List<Map<String, Object>>) problem.get("errors")).stream()
                .map(error -> error.get("field") + ":" + error.get("rule")).toList();
    }
}
