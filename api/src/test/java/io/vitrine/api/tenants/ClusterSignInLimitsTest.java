package io.vitrine.api.tenants;

import io.vitrine.api.testing.ClusterVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in guessing is limited across the cluster (issue #10 "Web security"): the per-account limit (10 per 15 min)
 * lives in Redis through the kernel's RateLimiter, so guesses spread over two instances behind a load balancer are
 * counted together, on the API and on the console's sign-in page alike.
 */
@ExtendWith(ClusterVitrine.class)
class ClusterSignInLimitsTest {

    private final RunningVitrine vitrine;
    private final TenantsApi api;

    ClusterSignInLimitsTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
    }

    @Test
    void guesses_at_one_account_through_two_instances_are_counted_together() {
        String username = SampleCodes.unique("guessed");
        try (RunningVitrine other = ClusterVitrine.anotherInstance()) {
            TenantsApi there = new TenantsApi(other);
            for (int attempt = 0; attempt < 5; attempt++) {
                api.expectProblem(401, api.post("/api/v1/auth/login", null, Map.of("username", username, "password", "guess")));
                HttpResponse<String> onPage = consoleSignIn(other, username);
                assertThat(onPage.statusCode()).as(onPage.body()).isEqualTo(401);
            }

            HttpResponse<String> eleventh = there.post("/api/v1/auth/login", null,
                    Map.of("username", username, "password", "guess"));

            there.expectProblem(429, eleventh);
            assertThat(eleventh.headers().firstValue("Retry-After")).isPresent();
            assertThat(consoleSignIn(vitrine, username).statusCode()).isEqualTo(429);
        }
    }

    private static HttpResponse<String> consoleSignIn(RunningVitrine instance, String username) {
        return instance.send(java.net.http.HttpRequest.newBuilder(instance.uri("/console/login?lang=en"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Sec-Fetch-Site", "same-origin")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + username + "&password=guess"))
                .build());
    }
}
