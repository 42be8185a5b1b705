package io.vitrine.api.console;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.tenants.TenantsApi.Park;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.PlatformAdmin;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.tenants.access.StaffRole;
import io.vitrine.tenants.staff.SignedInStaff;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in and out of the console, and what a page answers to whoever may not see it. */
@ExtendWith(EmbeddedVitrine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleSignInTest {

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private Park park;
    private Merchant merchant;

    ConsoleSignInTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
    }

    @BeforeAll
    void aParkWithAMerchant() {
        park = api.park();
        merchant = api.merchant(park);
    }

    @Test
    void the_login_page_is_a_labelled_form_in_chinese_by_default_and_in_english_when_asked() {
        HttpResponse<String> chinese = vitrine.get("/console/login");
        HttpResponse<String> english = vitrine.get("/console/login?lang=en");

        assertThat(chinese.statusCode()).isEqualTo(200);
        assertThat(chinese.body()).contains("<html lang=\"zh-CN\">", "员工登录", "<label for=\"f-username\">",
                "<label for=\"f-password\">", "action=\"/console/login?next=%2Fconsole&amp;lang=zh-CN\"");
        assertThat(english.body()).contains("<html lang=\"en\">", "Staff sign-in", "action=\"/console/login?next=%2Fconsole&amp;lang=en\"")
                .doesNotContain("员工登录");
    }

    @Test
    void signing_in_sets_the_token_in_an_http_only_strict_cookie_and_leads_back_to_the_page_asked_for() {
        ConsoleClient browser = new ConsoleClient(vitrine);

        HttpResponse<String> answer = browser.signIn(merchant.admin().username(), merchant.admin().password(),
                "/console/stores?lang=en");

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValue("/console/stores?lang=en");
        String cookie = answer.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(ConsoleClient.COOKIE + "=")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict")
                .contains("Path=/").doesNotContainIgnoringCase("Secure;").doesNotEndWith("Secure");
        assertThat(browser.get("/console/stores").statusCode()).isEqualTo(200);
    }

    @Test
    void the_cookie_is_secure_when_the_request_came_over_https() {
        StaffSessionCookie cookies = vitrine.bean(StaffSessionCookie.class);
        SignedInStaff staff = new SignedInStaff("s1", "ops", StaffRole.RETAILER_ADMIN, null, 0);

        Cookie overHttps = cookies.signedIn(staff, HttpRequest.GET("https://vitrine.example/console/login"));
        Cookie overHttp = cookies.signedIn(staff, HttpRequest.GET("http://vitrine.example/console/login"));

        assertThat(overHttps.isSecure()).isTrue();
        assertThat(overHttp.isSecure()).isFalse();
        assertThat(overHttps.isHttpOnly()).isTrue();
        assertThat(overHttps.getSameSite()).contains(SameSite.Strict);
        assertThat(overHttps.getName()).isEqualTo(ConsoleClient.COOKIE);
    }

    @Test
    void the_way_back_after_sign_in_is_only_ever_a_console_page_of_this_site() {
        for (String elsewhere : new String[]{"https://evil.example/console", "//evil.example/console", "/api/v1/stores",
                "/console\\..\\x", "/consoles"}) {
            ConsoleClient browser = new ConsoleClient(vitrine);
            HttpResponse<String> answer = browser.signIn(merchant.admin().username(), merchant.admin().password(), elsewhere);
            assertThat(answer.headers().firstValue("Location")).as(elsewhere).hasValueSatisfying(
                    location -> assertThat(location).startsWith("/console?lang="));
        }
    }

    @Test
    void a_wrong_password_shows_the_page_again_with_401_and_keeps_the_username() {
        HttpResponse<String> answer = new ConsoleClient(vitrine).signIn(merchant.admin().username(), "not-the-password", null);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(answer.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(ConsoleClient.COOKIE + "="));
        assertThat(answer.body()).contains("data-testid=\"login-error\"", "用户名或密码错误")
                .contains("value=\"" + merchant.admin().username() + "\"");
    }

    @Test
    void too_many_attempts_for_one_account_answer_429_with_retry_after_on_the_page() {
        String username = "nobody-" + System.nanoTime();
        HttpResponse<String> answer = null;
        for (int attempt = 0; attempt < 11; attempt++) {
            answer = new ConsoleClient(vitrine).signIn(username, "wrong-password-123", null);
        }

        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        assertThat(answer.body()).contains("data-testid=\"login-error\"", "登录尝试过于频繁");
    }

    @Test
    void a_console_page_sends_a_visitor_who_is_not_signed_in_to_the_login_page_with_the_way_back() {
        HttpResponse<String> answer = vitrine.get("/console/stores?page=0&lang=en");

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location"))
                .hasValue("/console/login?next=%2Fconsole%2Fstores%3Fpage%3D0%26lang%3Den&lang=en");
        assertThat(vitrine.get(answer.headers().firstValue("Location").orElseThrow()).body())
                .contains("name=\"next\" value=\"/console/stores?page=0&amp;lang=en\"");
    }

    @Test
    void the_api_still_answers_401_problem_json_to_a_browser_that_is_not_signed_in() {
        HttpResponse<String> answer = vitrine.get("/api/v1/stores", "Accept",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void a_role_that_may_not_see_a_page_gets_the_403_page() {
        ConsoleClient parkAdmin = ConsoleClient.signedIn(vitrine, park.admin().username(), park.admin().password());

        HttpResponse<String> answer = parkAdmin.get("/console/stores?lang=en");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(answer.body()).contains("data-testid=\"error-title\">Not for your role<");
    }

    @Test
    void an_unknown_console_page_is_the_404_page() {
        ConsoleClient admin = ConsoleClient.signedIn(vitrine, PlatformAdmin.USERNAME, PlatformAdmin.PASSWORD);

        HttpResponse<String> answer = admin.get("/console/no-such-page?lang=en");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("data-testid=\"error-title\">Not found<");
    }

    @Test
    void each_role_has_its_home_and_navigation() {
        ConsoleClient retailer = ConsoleClient.signedIn(vitrine, merchant.admin().username(), merchant.admin().password());
        ConsoleClient parkAdmin = ConsoleClient.signedIn(vitrine, park.admin().username(), park.admin().password());

        assertThat(retailer.get("/console?lang=en").body()).contains("href=\"/console/devices?lang=en\"",
                "href=\"/console/stores/-/import?lang=en\"", "data-testid=\"store-count\"")
                .doesNotContain("/console/park/applications");
        assertThat(parkAdmin.get("/console?lang=en").body()).contains("href=\"/console/park/applications?lang=en\"",
                "href=\"/console/park/warehouses?lang=en\"", "data-testid=\"waiting\"")
                .doesNotContain("/console/devices");
    }

    @Test
    void signing_out_removes_the_cookie_and_ends_the_token_itself() {
        Merchant leaving = api.merchant(park); // signing out ends every session of the account
        ConsoleClient browser = ConsoleClient.signedIn(vitrine, leaving.admin().username(), leaving.admin().password());
        String token = browser.cookie().substring(browser.cookie().indexOf('=') + 1);
        assertThat(api.get("/api/v1/tenant", token).statusCode()).isEqualTo(200);

        HttpResponse<String> answer = browser.post("/console/logout", Map.of());

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith(ConsoleClient.COOKIE + "=;").containsIgnoringCase("Max-Age=0"));
        assertThat(api.get("/api/v1/tenant", token).statusCode()).as("a copy of the cookie no longer works")
                .isEqualTo(401);
    }
}
