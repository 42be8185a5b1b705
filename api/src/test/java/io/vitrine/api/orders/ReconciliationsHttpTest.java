package io.vitrine.api.orders;

import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.kernel.time.ChinaTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/payments/reconciliation} in the embedded application: a new shop pays through the embedded Alipay
 * sandbox, so a run of today reconciles against the sandbox's bill (empty: nothing paid) and is read back; a day never
 * run is 404, bad and future dates 400 changing nothing, a store-less caller 401. The comparison itself is proven in
 * orders' {@code PaymentRecoverySuite} and {@code BillReconciliationTest}.
 */
@ExtendWith(EmbeddedVitrine.class)
class ReconciliationsHttpTest {

    private static final String PATH = "/api/v1/payments/reconciliation";

    private final TenantsApi api;

    ReconciliationsHttpTest(RunningVitrine vitrine) {
        this.api = new TenantsApi(vitrine);
    }

    @Test
    void a_day_is_run_read_back_and_run_again_replacing_its_report() {
        String token = api.merchant(api.park()).admin().token();
        String today = ChinaTime.today(Clock.systemUTC()).toString();

        api.expectProblem(404, api.get(PATH + "?date=" + today, token));
        Map<String, Object> run = api.expect(200, api.post(PATH + "?date=" + today, token, null));

        assertThat(run).containsEntry("date", today).containsEntry("outcome", "MATCHED").containsEntry("matched", 0)
                .containsEntry("differences", List.of()).containsEntry("failure", null);
        Map<String, Object> zero = Map.of("payments", 0, "paymentsFen", 0, "refunds", 0, "refundsFen", 0, "netFen", 0);
        assertThat(run).containsEntry("bill", zero).containsEntry("ours", zero);
        assertThat(api.expect(200, api.get(PATH + "?date=" + today, token))).isEqualTo(run);
        Map<String, Object> again = api.expect(200, api.post(PATH + "?date=" + today, token, null));
        assertThat(api.expect(200, api.get(PATH + "?date=" + today, token))).isEqualTo(again)
                .containsEntry("outcome", "MATCHED");
        api.expectProblem(404, api.get(PATH + "?date=" + LocalDate.parse(today).minusDays(1), token));
    }

    @Test
    void bad_and_future_dates_are_refused_with_the_field_and_nothing_is_run() {
        String token = api.merchant(api.park()).admin().token();
        String tomorrow = ChinaTime.today(Clock.systemUTC()).plusDays(1).toString();

        assertThat(rules(api.expectProblem(400, api.get(PATH + "?date=2026-13-01", token)))).containsExactly("date:DATE");
        assertThat(rules(api.expectProblem(400, api.get(PATH, token)))).containsExactly("date:REQUIRED");
        assertThat(rules(api.expectProblem(400, api.post(PATH + "?date=30.11.2026", token, null))))
                .containsExactly("date:DATE");
        assertThat(rules(api.expectProblem(400, api.post(PATH + "?date=" + tomorrow, token, null))))
                .containsExactly("date:IN_THE_FUTURE");
        api.expectProblem(404, api.get(PATH + "?date=" + tomorrow, token));
        assertThat(api.get(PATH + "?date=" + tomorrow, null).statusCode()).isEqualTo(401);
    }

    @SuppressWarnings("unchecked")
    private static List<String> rules(Map<String, Object> problem) {
        return ((List<Map<String, Object>>) problem.get("errors")).stream()
                .map(error -> error.get("field") + ":" + error.get("rule")).toList();
    }
}
