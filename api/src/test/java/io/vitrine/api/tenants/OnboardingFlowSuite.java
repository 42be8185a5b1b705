package io.vitrine.api.tenants;

import io.vitrine.api.tenants.TenantsApi.Account;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static io.vitrine.api.tenants.TenantsApi.items;
import static io.vitrine.api.tenants.TenantsApi.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole onboarding workflow over HTTP (issue #3): a platform admin creates a park, its admin
 * accepts the invitation and signs in, a merchant applies and uploads its licence, the park admin
 * approves, the retailer admin accepts and signs in and reads its tenant. Run on both modes.
 */
abstract class OnboardingFlowSuite {

    private final TenantsApi api;
    private final RunningVitrine vitrine;

    OnboardingFlowSuite(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
    }

    @Test
    void a_park_onboards_a_merchant_from_application_to_signed_in_retailer_admin() throws Exception {
        // a platform admin creates the park: 201 with the park and its admin's one-time invitation
        String parkSlug = SampleCodes.unique("park");
        Map<String, Object> created = api.expect(201, api.post("/api/v1/parks", api.platformAdminToken(), api.parkRequest(parkSlug)));
        Map<String, Object> park = object(created, "park");
        assertThat(park).containsEntry("slug", parkSlug).containsEntry("kind", "PARK").containsEntry("status", "ACTIVE");
        String parkInvitation = (String) created.get("invitationToken");
        assertThat(parkInvitation).hasSizeGreaterThanOrEqualTo(40);

        // the park admin sets up the account: a short password is refused and the invitation stays usable
        String parkAdmin = SampleCodes.unique("parkadmin");
        Map<String, Object> weak = api.expectProblem(400, api.post("/api/v1/invitations/" + parkInvitation + "/accept", null,
                Map.of("username", parkAdmin, "password", "short")));
        assertThat(fieldRules(weak)).containsExactly("password:PASSWORD_TOO_SHORT");
        String parkAdminPassword = "park-admin-password-1";
        Map<String, Object> accepted = api.expect(201, api.post("/api/v1/invitations/" + parkInvitation + "/accept", null,
                Map.of("username", parkAdmin, "password", parkAdminPassword)));
        assertThat(accepted).containsEntry("role", "PARK_ADMIN").containsEntry("tenant", park.get("id"));
        api.expectProblem(409, api.post("/api/v1/invitations/" + parkInvitation + "/accept", null,
                Map.of("username", SampleCodes.unique("again"), "password", "another-password-2")));

        Map<String, Object> login = api.expect(200, api.post("/api/v1/auth/login", null,
                Map.of("username", parkAdmin, "password", parkAdminPassword)));
        assertThat(login).containsEntry("tokenType", "Bearer").containsEntry("role", "PARK_ADMIN")
                .containsEntry("tenant", park.get("id")).containsKey("expiresIn");
        String parkToken = (String) login.get("accessToken");
        assertThat(api.expect(200, api.get("/api/v1/tenant", parkToken))).containsEntry("slug", parkSlug);

        // the park registers a bonded warehouse
        Map<String, Object> warehouse = Map.of("code", "QH-01", "name", "Qianhai bonded warehouse 1", "emsNo", "T5349W000001",
                "customsCode", "5349", "areaCode", "5349W", "operatorUscc", SampleCodes.uscc());
        api.expect(201, api.post("/api/v1/parks/" + parkSlug + "/warehouses", parkToken, warehouse));

        // a merchant applies (public) and uploads its licence with the application token
        String shopSlug = SampleCodes.unique("shop");
        Map<String, Object> applicationRequest = api.applicationRequest(shopSlug);
        Map<String, Object> submitted = api.expect(201, api.post("/api/v1/parks/" + parkSlug + "/applications", null, applicationRequest));
        assertThat(submitted).containsEntry("status", "SUBMITTED").containsKeys("applicationId", "applicationToken");
        String applicationId = (String) submitted.get("applicationId");
        String applicationToken = (String) submitted.get("applicationToken");
        String applicationPath = "/api/v1/parks/" + parkSlug + "/applications/" + applicationId;
        Map<String, Object> document = api.expect(201, api.upload(applicationPath + "/documents", applicationToken,
                "营业执照.pdf", "application/pdf", SampleCodes.pdf()));
        assertThat(document).containsEntry("contentType", "application/pdf").containsEntry("filename", "营业执照.pdf");

        Map<String, Object> status = api.expect(200, api.get(applicationPath + "?token=" + applicationToken, null));
        assertThat(status).containsEntry("status", "SUBMITTED").containsEntry("slug", shopSlug).doesNotContainKey("contact");
        assertThat(items(Map.of("items", status.get("documents")))).hasSize(1);

        // the park admin reviews: queue, the application with its decrypted contact, documents and history
        Map<String, Object> queue = api.expect(200, api.get("/api/v1/parks/" + parkSlug + "/applications?status=SUBMITTED", parkToken));
        assertThat(items(queue)).extracting(item -> item.get("applicationId")).containsExactly(applicationId);
        Map<String, Object> review = api.expect(200, api.get(applicationPath, parkToken));
        assertThat(object(review, "contact")).containsEntry("phone", "13800138000").containsEntry("name", "王小明");
        assertThat(historyActions(review)).containsExactly("APPLICATION_SUBMITTED", "DOCUMENT_UPLOADED");
        String documentId = (String) ((List<Map<String, Object>>) review.get("documents")).get(0).get("documentId");
        HttpResponse<byte[]> downloaded = download(applicationPath + "/documents/" + documentId, parkToken);
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo(SampleCodes.pdf());

        // approval creates the merchant tenant in the park and its admin's invitation
        Map<String, Object> approved = api.expect(200, api.post(applicationPath + "/approve", parkToken, null));
        Map<String, Object> merchant = object(approved, "tenant");
        assertThat(merchant).containsEntry("slug", shopSlug).containsEntry("kind", "RETAILER")
                .containsEntry("parkId", park.get("id")).containsEntry("uscc", applicationRequest.get("uscc"));
        api.expectProblem(409, api.post(applicationPath + "/approve", parkToken, null));
        assertThat(api.expect(200, api.get(applicationPath + "?token=" + applicationToken, null))).containsEntry("status", "APPROVED");

        // the retailer admin accepts, signs in and reads its own tenant
        Account retailer = api.accept((String) approved.get("invitationToken"), "retailadmin");
        Map<String, Object> own = api.expect(200, api.get("/api/v1/tenant", retailer.token()));
        assertThat(own).containsEntry("id", merchant.get("id")).containsEntry("slug", shopSlug);

        // members read the park's warehouses; the park lists its members
        assertThat(items(api.expect(200, api.get("/api/v1/parks/" + parkSlug + "/warehouses", retailer.token()))))
                .extracting(w -> w.get("code")).containsExactly("QH-01");
        assertThat(items(api.expect(200, api.get("/api/v1/parks/" + parkSlug + "/tenants", parkToken))))
                .extracting(t -> t.get("slug")).containsExactly(shopSlug);

        // every step is in the audit trail: who, when, what
        assertThat(auditActions((String) park.get("id"))).contains("PARK_CREATED", "INVITATION_ISSUED",
                "INVITATION_ACCEPTED", "WAREHOUSE_CREATED", "APPLICATION_SUBMITTED", "DOCUMENT_UPLOADED",
                "APPLICATION_APPROVED");
        assertThat(auditActions((String) merchant.get("id"))).contains("TENANT_CREATED", "INVITATION_ISSUED",
                "INVITATION_ACCEPTED");
        assertThat(auditActorOf(applicationId, "APPLICATION_APPROVED")).isEqualTo(parkAdmin + "/PARK_ADMIN");

        // nothing secret is stored in clear
        String hash = single("SELECT password_hash FROM staff_accounts WHERE username = ?", parkAdmin);
        assertThat(hash).startsWith("$2y$12$").doesNotContain(parkAdminPassword);
        String phone = single("SELECT contact_phone_enc FROM merchant_applications WHERE id = ?", applicationId);
        assertThat(phone).startsWith("v1:").doesNotContain("13800138000");
        String invitationHash = single("SELECT token_hash FROM invitations WHERE tenant_id = ? AND role = 'PARK_ADMIN'",
                (String) park.get("id"));
        assertThat(invitationHash).hasSize(64).isNotEqualTo(parkInvitation);
    }

    private HttpResponse<byte[]> download(String path, String token) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(vitrine.uri(path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private List<String> auditActions(String tenantId) throws SQLException {
        return column("SELECT action FROM audit_events WHERE tenant_id = ? ORDER BY id", tenantId);
    }

    private String auditActorOf(String applicationId, String action) throws SQLException {
        return column("SELECT CONCAT(actor_name, '/', actor_role) FROM audit_events WHERE subject_id = ? AND action = '"
                + action + "'", applicationId).get(0);
    }

    private String single(String sql, String parameter) throws SQLException {
        List<String> values = column(sql, parameter);
        assertThat(values).hasSize(1);
        return values.get(0);
    }

    private List<String> column(String sql, String parameter) throws SQLException {
        return Rows.column(vitrine, sql, parameter);
    }

    @SuppressWarnings("unchecked")
    private static List<String> historyActions(Map<String, Object> review) {
        return ((List<Map<String, Object>>) review.get("history")).stream().map(h -> (String) h.get("action")).toList();
    }

    @SuppressWarnings("unchecked")
    static List<String> fieldRules(Map<String, Object> problem) {
        return ((List<Map<String, Object>>) problem.get("errors")).stream()
                .map(e -> e.get("field") + ":" + e.get("rule")).toList();
    }
}
