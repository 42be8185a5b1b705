package io.vitrine.api.console;

import io.vitrine.api.tenants.SampleCodes;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Setting up an invited account on /console/invitations/{token}, then signing in. */
@ExtendWith(EmbeddedVitrine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvitationPageTest {

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private Merchant merchant;

    InvitationPageTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
    }

    @BeforeAll
    void aMerchant() {
        merchant = api.merchant(api.park());
    }

    @Test
    void the_page_keeps_its_token_out_of_referers_and_caches() {
        HttpResponse<String> page = vitrine.get("/console/invitations/" + invitation(null) + "?lang=en");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.body()).contains("Set up your account", "<label for=\"f-password\">", "autocomplete=\"new-password\"");
    }

    @Test
    void a_weak_password_is_refused_on_the_field_and_the_invitation_stays_usable_until_the_account_is_made() {
        String username = SampleCodes.unique("invitee");
        String token = invitation(username);
        ConsoleClient invitee = new ConsoleClient(vitrine);

        HttpResponse<String> weak = invitee.post("/console/invitations/" + token + "?lang=en",
                Map.of("username", "", "password", "short", "passwordAgain", "short"));
        HttpResponse<String> mistyped = invitee.post("/console/invitations/" + token + "?lang=en",
                Map.of("username", "", "password", "long-enough-password", "passwordAgain", "long-enough-passw0rd"));
        HttpResponse<String> accepted = invitee.post("/console/invitations/" + token + "?lang=en",
                Map.of("username", "", "password", "long-enough-password", "passwordAgain", "long-enough-password"));

        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(Html.testId(weak.body(), "error-password")).isEqualTo("Too short.");
        assertThat(mistyped.statusCode()).isEqualTo(400);
        assertThat(Html.testId(mistyped.body(), "error-passwordAgain")).isEqualTo("The two passwords differ.");
        assertThat(accepted.statusCode()).isEqualTo(303);
        assertThat(accepted.headers().firstValue("Location")).hasValue("/console/login?welcome=1&username=" + username + "&lang=en");
        assertThat(invitee.signIn(username, "long-enough-password", null).statusCode()).isEqualTo(303);
    }

    @Test
    void a_used_invitation_says_so_and_an_unknown_one_is_the_404_page() {
        String token = invitation(null);
        Map<String, String> form = Map.of("username", "", "password", "first-password-12",
                "passwordAgain", "first-password-12");
        ConsoleClient invitee = new ConsoleClient(vitrine);
        assertThat(invitee.post("/console/invitations/" + token, form).statusCode()).isEqualTo(303);

        HttpResponse<String> again = invitee.post("/console/invitations/" + token + "?lang=en", Map.of(
                "username", "", "password", "second-password-12", "passwordAgain", "second-password-12"));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("data-testid=\"invitation-error\"");
        assertThat(invitee.post("/console/invitations/no-such-token", form).statusCode()).isEqualTo(404);
    }

    /** A retailer admin's invitation; the admin chose the username, so the invitee leaves it empty. */
    private String invitation(String username) {
        return (String) api.expect(201, api.post("/api/v1/staff", merchant.admin().token(), Map.of(
                "username", username == null ? SampleCodes.unique("staff") : username, "role", "RETAILER_ADMIN")))
                .get("invitationToken");
    }
}
