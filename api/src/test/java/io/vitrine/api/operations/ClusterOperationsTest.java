package io.vitrine.api.operations;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import io.vitrine.api.testing.ClusterVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ClusterVitrine.class)
class ClusterOperationsTest {

    private final RunningVitrine vitrine;

    ClusterOperationsTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
    }

    @Test
    void health_is_up_with_mariadb_redis_and_elasticsearch_checked() {
        HttpResponse<String> health = vitrine.get("/health", "Authorization", "Bearer " + staffToken());

        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body())
                .contains("\"status\":\"UP\"")
                .contains("\"jdbc\":{")
                .contains("\"redis\":{")
                .contains("\"elasticsearchclient\":{")
                .doesNotContain("\"DOWN\"");
    }

    @Test
    void anonymous_probes_see_the_status_but_not_the_details() {
        HttpResponse<String> health = vitrine.get("/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("jdbc:mysql");
    }

    @Test
    void the_landing_page_says_it_runs_in_cluster_mode() {
        assertThat(vitrine.get("/?lang=en").body()).contains("Cluster mode").contains("MySQL 8 / MariaDB");
    }

    private String staffToken() {
        return vitrine.bean(TokenGenerator.class)
                .generateToken(Authentication.build("ops", List.of("PLATFORM_ADMIN")), 300).orElseThrow();
    }
}
