package io.vitrine.api.operations;

import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedVitrine.class)
class EmbeddedOperationsTest {

    private final RunningVitrine vitrine;

    EmbeddedOperationsTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
    }

    @Test
    void health_is_up_with_the_database_and_the_data_dir_disk_checked() {
        HttpResponse<String> health = vitrine.get("/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body())
                .contains("\"status\":\"UP\"")
                .contains("\"jdbc\":{")
                .contains("\"diskSpace\":{")
                .doesNotContain("\"redis\"")
                .doesNotContain("elasticsearch");
    }

    @Test
    void liveness_and_readiness_answer_for_probes() {
        assertThat(vitrine.get("/health/liveness").statusCode()).isEqualTo(200);
        assertThat(vitrine.get("/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void prometheus_exposes_jvm_metrics_without_credentials() {
        HttpResponse<String> metrics = vitrine.get("/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void swagger_ui_is_served_from_the_jar_without_a_cdn() {
        HttpResponse<String> ui = vitrine.get("/swagger-ui/index.html");

        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui").contains("/swagger/vitrine.yml").doesNotContain("unpkg.com");
        assertThat(vitrine.get("/swagger-ui/res/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
    }

    @Test
    void the_openapi_document_generated_at_build_time_is_served() {
        HttpResponse<String> spec = vitrine.get("/swagger/vitrine.yml");

        assertThat(spec.statusCode()).isEqualTo(200);
        assertThat(spec.body()).contains("openapi: 3").contains("title: Vitrine").doesNotContain("/test-only/");
    }

    @Test
    void static_assets_are_cacheable_by_browsers_and_proxies() {
        HttpResponse<String> css = vitrine.get("/static/css/vitrine.css");

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        assertThat(css.headers().firstValue("Cache-Control")).hasValueSatisfying(cc ->
                assertThat(cc).contains("public").contains("max-age=86400"));
        assertThat(css.body()).contains("--brand");
    }
}
