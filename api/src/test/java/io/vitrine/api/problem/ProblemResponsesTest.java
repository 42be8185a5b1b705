package io.vitrine.api.problem;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedVitrine.class)
class ProblemResponsesTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final RunningVitrine vitrine;

    ProblemResponsesTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
    }

    @Test
    void an_unknown_route_answers_404_problem() {
        HttpResponse<String> response = vitrine.get("/api/v1/no-such-thing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertProblem(response, 404, "Not Found");
    }

    @Test
    void malformed_json_answers_400_without_echoing_the_body() {
        HttpResponse<String> response = post("/test-only/problems/orders", "{\"storeCode\": \"S1\", \"items\": [ secret-token");

        Map<String, Object> problem = assertProblem(response, 400, "Bad Request");
        assertThat(problem.get("detail")).isEqualTo("The request body is not valid JSON.");
        assertThat(response.body()).doesNotContain("secret-token");
    }

    @Test
    void a_constraint_violation_answers_400_with_each_field_as_the_client_named_it() {
        HttpResponse<String> response = post("/test-only/problems/orders",
                "{\"storeCode\": \"\", \"items\": [{\"sku\": \"A1\", \"qty\": 1}, {\"sku\": \"B2\", \"qty\": 0}]}");

        Map<String, Object> problem = assertProblem(response, 400, "Bad Request");
        assertThat(problem.get("type")).isEqualTo("urn:vitrine:problem:invalid-input");
        assertThat(fields(problem)).containsExactly("items[1].qty", "storeCode");
    }

    @Test
    void valid_input_passes_validation() {
        HttpResponse<String> response = post("/test-only/problems/orders",
                "{\"storeCode\": \"S1\", \"items\": [{\"sku\": \"A1\", \"qty\": 2}]}");

        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void invalid_input_from_the_domain_answers_400_with_its_fields() {
        HttpResponse<String> response = vitrine.get("/test-only/problems/invalid-input");

        Map<String, Object> problem = assertProblem(response, 400, "Bad Request");
        assertThat(problem.get("errors")).isEqualTo(List.of(Map.of("field", "buyer.idNumber", "message", "check digit does not match")));
    }

    @Test
    void a_business_rule_refusal_answers_422_with_its_stable_code() {
        HttpResponse<String> response = vitrine.get("/test-only/problems/business-rule");

        Map<String, Object> problem = assertProblem(response, 422, "Unprocessable Entity");
        assertThat(problem.get("code")).isEqualTo("ANNUAL_LIMIT_EXCEEDED");
        assertThat(problem.get("type")).isEqualTo("urn:vitrine:problem:business-rule");
        assertThat(problem.get("detail")).isEqualTo("This order would take the buyer over the annual limit of 26000 CNY.");
    }

    @Test
    void not_found_from_the_domain_answers_404() {
        Map<String, Object> problem = assertProblem(vitrine.get("/test-only/problems/not-found"), 404, "Not Found");
        assertThat(problem.get("detail")).isEqualTo("No order ORD-404 here.");
    }

    @Test
    void a_state_conflict_answers_409() {
        Map<String, Object> problem = assertProblem(vitrine.get("/test-only/problems/conflict"), 409, "Conflict");
        assertThat(problem.get("detail")).isEqualTo("The order is already paid.");
    }

    @Test
    void an_unexpected_failure_answers_500_without_its_message_or_stack() {
        HttpResponse<String> response = vitrine.get("/test-only/problems/crash");

        assertProblem(response, 500, "Internal Server Error");
        assertThat(response.body()).doesNotContain("hunter2", "db-secret-host", "IllegalStateException", "at io.vitrine");
    }

    @Test
    void a_secured_endpoint_without_credentials_answers_401_problem() {
        assertProblem(vitrine.get("/test-only/problems/staff-only"), 401, "Unauthorized");
    }

    @Test
    void a_wrong_method_answers_405_problem() {
        HttpResponse<String> response = vitrine.send(HttpRequest.newBuilder(vitrine.uri("/test-only/problems/conflict"))
                .method("DELETE", HttpRequest.BodyPublishers.noBody()).build());

        assertProblem(response, 405, "Method Not Allowed");
    }

    @Test
    void a_body_over_the_size_limit_answers_413_problem() {
        String elevenMegabytes = "{\"storeCode\": \"" + "x".repeat(11 * 1024 * 1024) + "\"}";

        assertProblem(post("/test-only/problems/orders", elevenMegabytes), 413, "Request Entity Too Large");
    }

    private HttpResponse<String> post(String path, String json) {
        return vitrine.send(HttpRequest.newBuilder(vitrine.uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private Map<String, Object> assertProblem(HttpResponse<String> response, int status, String title) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(PROBLEM_JSON));
        Map<String, Object> problem = json(response.body());
        assertThat(problem).containsEntry("status", status).containsEntry("title", title).containsKeys("type", "detail");
        return problem;
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(Map<String, Object> problem) {
        return ((List<Map<String, Object>>) problem.get("errors")).stream().map(e -> (String) e.get("field")).toList();
    }

    private Map<String, Object> json(String body) {
        try {
            return vitrine.bean(JsonMapper.class).readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
