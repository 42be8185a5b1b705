package io.vitrine.api.console;

import io.vitrine.api.tenants.SampleCodes;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Application;
import io.vitrine.api.tenants.TenantsApi.Park;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.PlatformAdmin;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.vitrine.api.tenants.TenantsApi.object;
import static org.assertj.core.api.Assertions.assertThat;

/** The park admin's console: the review queue, one application with its documents, the decision, warehouses. */
@ExtendWith(EmbeddedVitrine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParkConsoleTest {

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private Park park;
    private Park otherPark;
    private ConsoleClient browser;

    ParkConsoleTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
    }

    @BeforeAll
    void twoParks() {
        park = api.park();
        otherPark = api.park();
        browser = ConsoleClient.signedIn(vitrine, park.admin().username(), park.admin().password());
    }

    @Test
    void the_queue_shows_the_open_applications_and_the_filter_shows_the_others() {
        Application open = api.apply(park);
        Application decided = api.apply(park);
        api.expect(200, api.post(decided.path() + "/reject", park.admin().token(), Map.of("reason", "incomplete")));

        String waiting = browser.get("/console/park/applications?lang=en").body();
        String rejected = browser.get("/console/park/applications?status=REJECTED&lang=en").body();

        assertThat(waiting).contains("data-slug=\"" + open.slug() + "\"", "href=\"/console/park/applications/" + open.id() + "?lang=en\"")
                .doesNotContain("data-slug=\"" + decided.slug() + "\"");
        assertThat(rejected).contains("data-slug=\"" + decided.slug() + "\"").doesNotContain("data-slug=\"" + open.slug() + "\"");
        assertThat(browser.get("/console/park/applications?status=LOST").statusCode()).isEqualTo(400);
    }

    @Test
    void the_review_page_shows_the_applicant_and_its_licence_to_view_or_download() {
        Application application = api.apply(park);

        String page = browser.get("/console/park/applications/" + application.id() + "?lang=en").body();

        assertThat(page).contains("Merchant " + application.slug() + " Co., Ltd.", "王小明", "13800138000",
                "licence.pdf", "APPLICATION_SUBMITTED", "DOCUMENT_UPLOADED");
        String documentPath = page.replaceAll("(?s).*href=\"(/console/park/applications/[^\"]+/documents/[^\"?]+)\".*", "$1");
        HttpResponse<byte[]> viewed = browser.download(documentPath);
        HttpResponse<byte[]> downloaded = browser.download(documentPath + "?download=1");
        assertThat(viewed.statusCode()).isEqualTo(200);
        assertThat(viewed.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        assertThat(viewed.headers().firstValue("Content-Disposition")).hasValue("inline; filename*=UTF-8''licence.pdf");
        assertThat(viewed.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(viewed.body()).isEqualTo(SampleCodes.pdf());
        assertThat(downloaded.headers().firstValue("Content-Disposition")).hasValue("attachment; filename*=UTF-8''licence.pdf");
    }

    @Test
    void rejecting_needs_a_reason_and_without_one_changes_nothing() {
        Application application = api.apply(park);

        HttpResponse<String> refused = browser.post("/console/park/applications/" + application.id() + "/reject?lang=en",
                Map.of("reason", "  "));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Html.testId(refused.body(), "error-reason")).isEqualTo("Required.");
        assertThat(object(api.expect(200, api.get(application.path(), park.admin().token())), "application"))
                .containsEntry("status", "SUBMITTED");

        HttpResponse<String> rejected = browser.post("/console/park/applications/" + application.id() + "/reject?lang=en",
                Map.of("reason", "The licence is unreadable."));

        assertThat(rejected.statusCode()).isEqualTo(303);
        assertThat(browser.get(rejected.headers().firstValue("Location").orElseThrow()).body())
                .contains("The licence is unreadable.", "data-testid=\"application-status\">Rejected<");
    }

    @Test
    void approving_shows_the_new_tenant_and_its_admins_invitation_once() {
        Application application = api.apply(park);

        HttpResponse<String> approved = browser.post("/console/park/applications/" + application.id() + "/approve?lang=en",
                Map.of());

        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(approved.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(Html.testId(approved.body(), "tenant-slug")).isEqualTo(application.slug());
        String token = Html.testId(approved.body(), "invitation-token");
        assertThat(api.expect(201, api.post("/api/v1/invitations/" + token + "/accept", null,
                Map.of("username", SampleCodes.unique("owner"), "password", "owner-password-123")))).containsEntry("role", "RETAILER_ADMIN");
        assertThat(browser.get("/console/park/applications/" + application.id()).body()).doesNotContain(token);
        assertThat(browser.post("/console/park/applications/" + application.id() + "/approve", Map.of()).statusCode())
                .isEqualTo(409);
        assertThat(browser.get("/console/park/members?lang=en").body()).contains(application.slug());
    }

    @Test
    void another_parks_application_is_the_404_page_and_stays_untouched() {
        Application theirs = api.apply(otherPark);

        assertThat(browser.get("/console/park/applications/" + theirs.id()).statusCode()).isEqualTo(404);
        assertThat(browser.post("/console/park/applications/" + theirs.id() + "/approve", Map.of()).statusCode()).isEqualTo(404);
        assertThat(browser.post("/console/park/applications/" + theirs.id() + "/reject", Map.of("reason", "x")).statusCode())
                .isEqualTo(404);
        assertThat(object(api.expect(200, api.get(theirs.path(), otherPark.admin().token())), "application"))
                .containsEntry("status", "SUBMITTED");
    }

    @Test
    void a_warehouse_is_registered_from_the_form_and_a_refused_form_says_why() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", "PC-" + SampleCodes.unique("w").toUpperCase().replaceAll("[^A-Z0-9]", ""));
        form.put("name", "Qianhai bonded 2");
        form.put("emsNo", "T5349W3");
        form.put("customsCode", "5349");
        form.put("areaCode", "5349W");
        form.put("operatorUscc", SampleCodes.usccWithBadCheckCharacter());

        HttpResponse<String> refused = browser.post("/console/park/warehouses?lang=en", form);
        form.put("operatorUscc", SampleCodes.uscc());
        HttpResponse<String> registered = browser.post("/console/park/warehouses?lang=en", form);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Html.testId(refused.body(), "error-operatorUscc")).isEqualTo("The check character does not match: a typing error?");
        assertThat(registered.statusCode()).isEqualTo(303);
        assertThat(browser.get(registered.headers().firstValue("Location").orElseThrow()).body())
                .contains("<code>" + form.get("code") + "</code>");
        assertThat(TenantsApi.items(api.expect(200, api.get("/api/v1/parks/" + park.slug() + "/warehouses",
                park.admin().token())))).extracting(w -> w.get("code")).containsExactly(form.get("code"));
    }

    @Test
    void a_platform_admin_creates_a_park_and_sees_its_admins_invitation_once() {
        ConsoleClient admin = ConsoleClient.signedIn(vitrine, PlatformAdmin.USERNAME, PlatformAdmin.PASSWORD);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("slug", SampleCodes.unique("park"));
        form.put("name", "Qianhai park");
        form.put("uscc", SampleCodes.uscc());
        form.put("customsCode", SampleCodes.customsCode());
        form.put("customsPlace", "Qianhai customs");
        form.put("customsAreaCode", "5349");

        HttpResponse<String> created = admin.post("/console/parks?lang=en", form);
        HttpResponse<String> again = admin.post("/console/parks?lang=en", form);

        assertThat(created.statusCode()).isEqualTo(200);
        String token = Html.testId(created.body(), "invitation-token");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("This slug or USCC is taken.");
        api.expect(201, api.post("/api/v1/invitations/" + token + "/accept", null,
                Map.of("username", SampleCodes.unique("padmin"), "password", "park-admin-password-1")));
        assertThat(browser.get("/console/parks").statusCode()).isEqualTo(403);
        assertThat(admin.get("/console?lang=en").body()).contains("href=\"/console/parks?lang=en\"");
    }
}
