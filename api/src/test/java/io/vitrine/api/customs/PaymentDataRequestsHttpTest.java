package io.vitrine.api.customs;

import io.vitrine.api.tenants.Rows;
import io.vitrine.api.testing.OwnVitrine;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.customs.declaration.Declaration;
import io.vitrine.customs.paymentdata.PaymentDataRequested;
import io.vitrine.kernel.tenancy.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/customs/payment-data-requests} on an application of its own with the HTTP customs channel open:
 * the form field {@code openReq} as the single window posts it and a JSON body; a declared order answered 10000 and
 * recorded once however often its session is repeated (one row, one event); an order no declaration knows answered
 * 20000 and recorded without a tenant; 401 without the secret; unreadable or rule-breaking requests 400 problem+json
 * naming field and rule, nothing recorded. The upload that follows is customs' {@code PaymentDataSuite}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentDataRequestsHttpTest {

    private static final String PATH = "/api/v1/customs/payment-data-requests";
    private static final String SECRET = "customs-payment-data-test-secret";

    private RunningVitrine vitrine;

    @BeforeAll
    void start() {
        vitrine = OwnVitrine.embedded(Map.of("vitrine.customs.receipts.http.enabled", true,
                "vitrine.customs.receipts.http.shared-secret", SECRET));
    }

    @AfterAll
    void stop() {
        vitrine.close();
    }

    @Test
    void a_declared_order_is_answered_10000_and_a_repeated_session_is_recorded_once() {
        String orderNo = declaredOrder();
        String session = session();

        HttpResponse<String> first = form(openReq(orderNo, session, "1533271903898"), SECRET);
        HttpResponse<String> second = form(openReq(orderNo, session, "1533271903999"), SECRET);
        HttpResponse<String> asJson = json(openReq(orderNo, session, "1533271904000"), SECRET);

        for (HttpResponse<String> response : java.util.List.of(first, second, asJson)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("\"code\":\"10000\"").contains("\"message\":\"\"")
                    .contains("\"serviceTime\":");
        }
        assertThat(Rows.column(vitrine, "SELECT status FROM payment_data_requests WHERE session_id = ?", session))
                .containsExactly("PENDING");
        assertThat(Rows.column(vitrine, "SELECT id FROM outbox_events WHERE event_type = ? AND business_key = ?",
                PaymentDataRequested.TYPE, orderNo)).hasSize(1);
    }

    @Test
    void a_json_body_is_taken_as_well() {
        String orderNo = declaredOrder();
        String session = session();
        HttpResponse<String> response = json("{\"orderNo\":\"" + orderNo + "\",\"sessionID\":\"" + session
                + "\",\"serviceTime\":\"1533271903898\"}", SECRET);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"code\":\"10000\"");
        assertThat(Rows.column(vitrine, "SELECT service_time FROM payment_data_requests WHERE session_id = ?", session))
                .containsExactly("1533271903898");
    }

    @Test
    void an_open_req_arriving_html_or_backslash_escaped_is_read_as_well() {
        String orderNo = declaredOrder();
        String html = session();
        String slashed = session();
        HttpResponse<String> first = form(openReq(orderNo, html, "1533271903898").replace("\"", "&quot;"), SECRET);
        HttpResponse<String> second = form(openReq(orderNo, slashed, "1533271903898").replace("\"", "\\\""), SECRET);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(Rows.column(vitrine, "SELECT session_id FROM payment_data_requests WHERE session_id IN (?, ?) "
                + "ORDER BY session_id", html, slashed)).containsExactlyInAnyOrder(html, slashed);
    }

    @Test
    void an_order_no_declaration_knows_is_answered_20000_and_recorded_without_a_tenant() {
        String session = session();
        String orderNo = "NOSUCH" + System.nanoTime();
        HttpResponse<String> response = form(openReq(orderNo, session, "1533271903898"), SECRET);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"code\":\"20000\"").contains(orderNo);
        assertThat(Rows.column(vitrine, "SELECT status FROM payment_data_requests WHERE session_id = ? "
                + "AND tenant_id IS NULL", session)).containsExactly("UNKNOWN_ORDER");
    }

    @Test
    void without_the_secret_it_is_401_and_nothing_is_recorded() {
        String session = session();
        String body = openReq(declaredOrder(), session, "1533271903898");
        assertProblem(form(body, null), 401);
        assertProblem(form(body, SECRET + "x"), 401);
        assertProblem(json(body, null), 401);
        assertThat(Rows.column(vitrine, "SELECT session_id FROM payment_data_requests WHERE session_id = ?", session))
                .isEmpty();
    }

    @Test
    void unreadable_or_rule_breaking_requests_are_400_problems_naming_field_and_rule() {
        String session = session();
        assertProblem(form("{not json", SECRET), 400, "openReq", "JSON_OBJECT");
        assertProblem(formRaw("other=1", SECRET), 400, "openReq", "REQUIRED");
        assertProblem(json("[1,2]", SECRET), 400, "body", "JSON_OBJECT");
        assertProblem(form("{\"sessionID\":\"" + session + "\",\"serviceTime\":1}", SECRET), 400, "orderNo",
                "REQUIRED");
        assertProblem(form(openReq("X".repeat(61), session, "1"), SECRET), 400, "orderNo", "MAX_LENGTH");
        assertProblem(form(openReq("A1", "has space", "1"), SECRET), 400, "sessionID", "FORMAT");
        assertProblem(form("{\"orderNo\":\"A1\",\"sessionID\":\"" + session + "\",\"serviceTime\":\"soon\"}", SECRET),
                400, "serviceTime", "FORMAT");
        assertProblem(form(openReq("A1", session, "-3"), SECRET), 400, "serviceTime", "POSITIVE_INTEGER");
        assertThat(Rows.column(vitrine, "SELECT session_id FROM payment_data_requests WHERE session_id = ?", session))
                .isEmpty();
    }

    private String declaredOrder() {
        String orderNo = DeclarationRows.orderNo();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        new DeclarationRows(vitrine).open(Declaration.open(UUID.randomUUID().toString(),
                TenantId.of(UUID.randomUUID().toString()), orderNo, "1210", now), DeclarationRows.guid(), "CEB311");
        return orderNo;
    }

    private static String openReq(String orderNo, String session, String serviceTime) {
        return "{\"orderNo\":\"" + orderNo + "\",\"sessionID\":\"" + session + "\",\"serviceTime\":" + serviceTime + "}";
    }

    private static String session() {
        return "fe2374-" + UUID.randomUUID();
    }

    private HttpResponse<String> form(String openReq, String secret) {
        return formRaw("openReq=" + URLEncoder.encode(openReq, StandardCharsets.UTF_8), secret);
    }

    private HttpResponse<String> formRaw(String form, String secret) {
        return post("application/x-www-form-urlencoded", form, secret);
    }

    private HttpResponse<String> json(String body, String secret) {
        return post("application/json", body, secret);
    }

    private HttpResponse<String> post(String type, String body, String secret) {
        HttpRequest.Builder request = HttpRequest.newBuilder(vitrine.uri(PATH)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header("X-Customs-Token", secret);
        }
        return vitrine.send(request.build());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field, String rule) {
        assertProblem(response, status);
        assertThat(response.body()).contains("\"" + field + "\"").contains("\"" + rule + "\"");
    }
}
