package io.vitrine.api.tenants;

import io.vitrine.api.tenants.TenantsApi.Account;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.PlatformAdmin;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.kernel.cache.RateLimit;
import io.vitrine.kernel.cache.RateLimiter;
import io.vitrine.kernel.error.RateLimitedException;
import io.vitrine.tenants.staff.FirstPlatformAdmin;
import io.vitrine.tenants.staff.StaffSignIn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(EmbeddedVitrine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffSignInTest {

    private final TenantsApi api;
    private final RunningVitrine vitrine;
    private TenantsApi.Park park;

    StaffSignInTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
    }

    @BeforeAll
    void onePark() {
        park = api.park();
    }

    @Test
    void the_first_platform_admin_comes_from_configuration_once() {
        Map<String, Object> login = api.expect(200, api.post("/api/v1/auth/login", null,
                Map.of("username", PlatformAdmin.USERNAME, "password", PlatformAdmin.PASSWORD)));

        assertThat(login).containsEntry("role", "PLATFORM_ADMIN");
        assertThat(login.get("tenant")).isNull();
        assertThat(vitrine.bean(FirstPlatformAdmin.class).createIfNone()).isFalse();
        assertThat(Rows.column(vitrine, "SELECT username FROM staff_accounts WHERE role = 'PLATFORM_ADMIN'"))
                .containsExactly(PlatformAdmin.USERNAME);
    }

    @Test
    void a_wrong_password_and_an_unknown_username_answer_the_same_401() {
        Map<String, Object> wrong = api.expectProblem(401, api.post("/api/v1/auth/login", null,
                Map.of("username", park.admin().username(), "password", "not-the-password")));
        Map<String, Object> unknown = api.expectProblem(401, api.post("/api/v1/auth/login", null,
                Map.of("username", SampleCodes.unique("nobody"), "password", "not-the-password")));

        assertThat(wrong.get("detail")).isEqualTo(unknown.get("detail")).isEqualTo("Invalid username or password.");
    }

    @Test
    void a_platform_admin_has_no_tenant_and_a_missing_tenant_is_a_clean_404() {
        api.expectProblem(404, api.get("/api/v1/tenant", api.platformAdminToken()));
        api.expectProblem(401, api.get("/api/v1/tenant", null));
    }

    @Test
    void consecutive_failures_lock_the_account_even_against_the_right_password() {
        Account staff = api.accept((String) api.expect(201, api.post("/api/v1/parks", api.platformAdminToken(),
                api.parkRequest(SampleCodes.unique("park")))).get("invitationToken"), "locked");
        for (int attempt = 0; attempt < 5; attempt++) {
            api.expectProblem(401, login(staff.username(), "wrong-password-" + attempt));
        }

        Map<String, Object> locked = api.expectProblem(401, login(staff.username(), staff.password()));

        assertThat((String) locked.get("detail")).contains("locked");
        assertThat(Rows.column(vitrine, "SELECT locked_until FROM staff_accounts WHERE username = ?", staff.username()))
                .singleElement().isNotNull();
        assertThat(Rows.column(vitrine, "SELECT failed_attempts FROM staff_accounts WHERE username = ?", staff.username()))
                .containsExactly("5");
    }

    @Test
    void a_success_resets_the_failure_count() {
        Account staff = api.accept((String) api.expect(201, api.post("/api/v1/parks", api.platformAdminToken(),
                api.parkRequest(SampleCodes.unique("park")))).get("invitationToken"), "resets");
        for (int attempt = 0; attempt < 4; attempt++) {
            api.expectProblem(401, login(staff.username(), "wrong-password-" + attempt));
        }
        api.expect(200, login(staff.username(), staff.password()));

        assertThat(Rows.column(vitrine, "SELECT failed_attempts FROM staff_accounts WHERE username = ?", staff.username()))
                .containsExactly("0");
    }

    @Test
    void too_many_attempts_for_one_account_answer_429_with_retry_after() {
        String username = SampleCodes.unique("guessed");
        HttpResponse<String> response = null;
        for (int attempt = 0; attempt <= 10; attempt++) {
            response = login(username, "guess-" + attempt);
            if (response.statusCode() == 429) {
                break;
            }
            assertThat(response.statusCode()).isEqualTo(401);
        }

        api.expectProblem(429, response);
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, 900L));
    }

    @Test
    void too_many_attempts_from_one_address_are_refused_before_any_password_check() {
        String address = "198.51.100." + (int) (Math.random() * 250);
        RateLimit addressLimit = RateLimit.of(
                vitrine.context().getProperty("vitrine.auth.login.address-limit.permits", Integer.class).orElseThrow(),
                vitrine.context().getProperty("vitrine.auth.login.address-limit.window", Duration.class).orElseThrow());
        RateLimiter limiter = vitrine.bean(RateLimiter.class);
        for (int i = 0; i < addressLimit.permits(); i++) {
            limiter.tryAcquire(StaffSignIn.addressKey(address), addressLimit);
        }

        assertThatThrownBy(() -> vitrine.bean(StaffSignIn.class).signIn(park.admin().username(), park.admin().password(), address))
                .isInstanceOf(RateLimitedException.class);
        assertThat(vitrine.bean(StaffSignIn.class).signIn(park.admin().username(), park.admin().password(), "192.0.2.1")
                .username()).isEqualTo(park.admin().username());
    }

    private HttpResponse<String> login(String username, String password) {
        return api.post("/api/v1/auth/login", null, Map.of("username", username, "password", password));
    }
}
