package io.vitrine.api.tenants;

import io.vitrine.api.tenants.TenantsApi.Application;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.tenants.TenantsApi.Park;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.vitrine.api.tenants.OnboardingFlowSuite.fieldRules;
import static io.vitrine.api.tenants.TenantsApi.items;
import static org.assertj.core.api.Assertions.assertThat;

/** What onboarding refuses, and how: field and rule, 409 for what is taken, 403/404 for the wrong caller. */
@ExtendWith(EmbeddedVitrine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnboardingRulesTest {

    private final TenantsApi api;
    private Park park;
    private Merchant merchant;

    OnboardingRulesTest(RunningVitrine vitrine) {
        this.api = new TenantsApi(vitrine);
    }

    @BeforeAll
    void onePark() {
        park = api.park();
        merchant = api.merchant(park);
    }

    @Test
    void invalid_codes_answer_400_naming_each_field_and_rule_and_change_nothing() {
        Map<String, Object> request = new HashMap<>(api.applicationRequest(SampleCodes.unique("shop")));
        request.put("uscc", SampleCodes.usccWithBadCheckCharacter());
        request.put("customsCode", "44031");
        request.put("kind", "PARK");
        request.put("slug", "No Spaces!");
        long before = applications();

        Map<String, Object> problem = api.expectProblem(400, api.post(applicationsPath(), null, request));

        assertThat(fieldRules(problem)).containsExactlyInAnyOrder("uscc:USCC_CHECK_CHARACTER",
                "customsCode:CUSTOMS_CODE_FORM", "kind:NOT_ONE_OF", "slug:SLUG_FORM");
        assertThat(problem.get("type")).isEqualTo("urn:vitrine:problem:invalid-input");
        assertThat(applications()).isEqualTo(before);
    }

    @Test
    void a_park_with_an_invalid_uscc_is_refused_with_field_and_rule() {
        Map<String, Object> request = api.parkRequest(SampleCodes.unique("park"));
        request.put("uscc", "91440300MA5DXXXX1");
        request.remove("customsPlace");

        Map<String, Object> problem = api.expectProblem(400, api.post("/api/v1/parks", api.platformAdminToken(), request));

        assertThat(fieldRules(problem)).containsExactlyInAnyOrder("uscc:USCC_FORM", "customsPlace:REQUIRED");
    }

    @Test
    void a_slug_or_uscc_already_taken_answers_409() {
        Map<String, Object> takenSlug = api.applicationRequest(merchant.slug());
        api.expectProblem(409, api.post(applicationsPath(), null, takenSlug));

        Map<String, Object> parkSlug = api.applicationRequest(park.slug());
        api.expectProblem(409, api.post(applicationsPath(), null, parkSlug));

        Map<String, Object> first = api.applicationRequest(SampleCodes.unique("shop"));
        api.expect(201, api.post(applicationsPath(), null, first));
        Map<String, Object> sameUscc = api.applicationRequest(SampleCodes.unique("shop"));
        sameUscc.put("uscc", first.get("uscc"));
        api.expectProblem(409, api.post(applicationsPath(), null, sameUscc));
        Map<String, Object> sameSlug = api.applicationRequest((String) first.get("slug"));
        api.expectProblem(409, api.post(applicationsPath(), null, sameSlug));

        Map<String, Object> parkAgain = api.parkRequest(park.slug());
        api.expectProblem(409, api.post("/api/v1/parks", api.platformAdminToken(), parkAgain));
    }

    @Test
    void the_wrong_role_answers_403() {
        Map<String, Object> request = api.parkRequest(SampleCodes.unique("park"));
        api.expectProblem(403, api.post("/api/v1/parks", park.admin().token(), request));
        api.expectProblem(403, api.post("/api/v1/parks", merchant.admin().token(), request));
        api.expectProblem(403, api.get(applicationsPath(), merchant.admin().token()));
        api.expectProblem(403, api.post(applicationsPath() + "/" + merchant.application().id() + "/approve",
                merchant.admin().token(), null));
        api.expectProblem(401, api.post("/api/v1/parks", null, request));
    }

    @Test
    void another_parks_application_answers_404_to_a_park_admin() {
        Park other = api.park();
        Application theirs = api.apply(other);

        api.expectProblem(404, api.get(applicationsPath() + "/" + theirs.id(), park.admin().token()));
        api.expectProblem(404, api.post(applicationsPath() + "/" + theirs.id() + "/approve", park.admin().token(), null));
        api.expectProblem(404, api.get(theirs.path(), park.admin().token()));
        api.expectProblem(404, api.get("/api/v1/parks/" + other.slug() + "/applications", park.admin().token()));
        assertThat(api.expect(200, api.get(theirs.path() + "?token=" + theirs.token(), null))).containsEntry("status", "SUBMITTED");
    }

    @Test
    void a_rejected_application_keeps_its_reason_for_the_applicant_and_cannot_be_approved() {
        Application application = api.apply(park);
        api.expectProblem(400, api.post(application.path() + "/reject", park.admin().token(), Map.of()));

        Map<String, Object> rejected = api.expect(200, api.post(application.path() + "/reject", park.admin().token(),
                Map.of("reason", "The licence scan is unreadable.")));

        assertThat(rejected).containsEntry("status", "REJECTED");
        assertThat(api.expect(200, api.get(application.path() + "?token=" + application.token(), null)))
                .containsEntry("status", "REJECTED").containsEntry("rejectReason", "The licence scan is unreadable.");
        api.expectProblem(409, api.post(application.path() + "/approve", park.admin().token(), null));
        api.expectProblem(409, api.upload(application.path() + "/documents", application.token(), "more.pdf",
                "application/pdf", SampleCodes.pdf()));
        assertThat(items(api.expect(200, api.get(applicationsPath() + "?status=REJECTED", park.admin().token()))))
                .extracting(item -> item.get("applicationId")).contains(application.id());
    }

    @Test
    void uploads_need_the_applications_token_and_respect_type_and_size() {
        Application application = api.apply(park);
        String documents = application.path() + "/documents";

        api.expectProblem(401, api.upload(documents, null, "licence.pdf", "application/pdf", SampleCodes.pdf()));
        api.expectProblem(404, api.upload(documents, "not-the-token", "licence.pdf", "application/pdf", SampleCodes.pdf()));
        api.expectProblem(400, api.upload(documents, application.token(), "licence.pdf", "application/pdf",
                "just text, not a PDF".getBytes()));
        byte[] overTheLicenceLimit = new byte[9 * 1024 * 1024]; // the licence category takes 8MB
        System.arraycopy(SampleCodes.pdf(), 0, overTheLicenceLimit, 0, SampleCodes.pdf().length);
        api.expectProblem(413, api.upload(documents, application.token(), "huge.pdf", "application/pdf", overTheLicenceLimit));

        assertThat((List<?>) api.expect(200, api.get(application.path() + "?token=" + application.token(), null))
                .get("documents")).hasSize(1);
    }

    @Test
    void an_invitation_token_is_single_use_and_unknown_ones_are_not_found() {
        api.expectProblem(404, api.post("/api/v1/invitations/no-such-token/accept", null,
                Map.of("username", SampleCodes.unique("x"), "password", "long-enough-password")));
        Map<String, Object> taken = api.expectProblem(409, api.post("/api/v1/invitations/"
                + api.expect(201, api.post("/api/v1/parks", api.platformAdminToken(), api.parkRequest(SampleCodes.unique("park"))))
                .get("invitationToken") + "/accept", null,
                Map.of("username", park.admin().username(), "password", "long-enough-password")));
        assertThat(taken.get("detail")).isEqualTo("This username is taken.");
    }

    private String applicationsPath() {
        return "/api/v1/parks/" + park.slug() + "/applications";
    }

    private long applications() {
        return ((Number) api.expect(200, api.get(applicationsPath() + "?size=1", park.admin().token())).get("total")).longValue();
    }
}
