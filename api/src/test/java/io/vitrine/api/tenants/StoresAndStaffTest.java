package io.vitrine.api.tenants;

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

/** A retailer's stores and staff: store codes per tenant, warehouses of the park, store managers' scope. */
@ExtendWith(EmbeddedVitrine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoresAndStaffTest {

    private final TenantsApi api;
    private Park park;
    private Merchant merchant;

    StoresAndStaffTest(RunningVitrine vitrine) {
        this.api = new TenantsApi(vitrine);
    }

    @BeforeAll
    void aMerchantInAParkWithAWarehouse() {
        park = api.park();
        api.expect(201, api.post("/api/v1/parks/" + park.slug() + "/warehouses", park.admin().token(),
                Map.of("code", "QH-01", "name", "Qianhai 1", "emsNo", "T5349W9", "customsCode", "5349", "areaCode", "5349W",
                        "operatorUscc", SampleCodes.uscc())));
        merchant = api.merchant(park);
    }

    @Test
    void a_retailer_admin_creates_reads_and_changes_a_store() {
        String code = SampleCodes.unique("S").toUpperCase();
        Map<String, Object> created = api.expect(201, api.post("/api/v1/stores", token(), store(code, "QH-01")));
        assertThat(created).containsEntry("code", code).containsEntry("warehouseCode", "QH-01").containsEntry("district", "440305");

        api.expectProblem(409, api.post("/api/v1/stores", token(), store(code, "QH-01")));

        Map<String, Object> change = store(code, "QH-01");
        change.put("name", "Qianhai flagship");
        assertThat(api.expect(200, api.put("/api/v1/stores/" + code, token(), change))).containsEntry("name", "Qianhai flagship");
        assertThat(api.expect(200, api.get("/api/v1/stores/" + code, token()))).containsEntry("name", "Qianhai flagship");
        assertThat(items(api.expect(200, api.get("/api/v1/stores", token())))).extracting(s -> s.get("code")).contains(code);

        Map<String, Object> renamed = store("OTHER", "QH-01");
        assertThat(fieldRules(api.expectProblem(400, api.put("/api/v1/stores/" + code, token(), renamed))))
                .containsExactly("code:STORE_CODE_IMMUTABLE");
        api.expectProblem(404, api.get("/api/v1/stores/NO-SUCH-STORE", token()));
    }

    @Test
    void a_store_is_served_from_a_warehouse_of_the_merchants_park_and_has_a_real_district() {
        Park otherPark = api.park();
        api.expect(201, api.post("/api/v1/parks/" + otherPark.slug() + "/warehouses", otherPark.admin().token(),
                Map.of("code", "ELSEWHERE", "name", "not ours", "emsNo", "T1", "customsCode", "5349", "areaCode", "A",
                        "operatorUscc", SampleCodes.uscc())));
        Map<String, Object> request = store(SampleCodes.unique("S"), "ELSEWHERE");
        request.put("district", "44030");
        request.remove("lng");

        Map<String, Object> problem = api.expectProblem(400, api.post("/api/v1/stores", token(), request));

        assertThat(fieldRules(problem)).containsExactlyInAnyOrder("warehouseCode:UNKNOWN_WAREHOUSE",
                "district:DISTRICT_CODE_FORM", "lng:COORDINATES_PAIR");
    }

    @Test
    void a_district_code_of_the_right_form_that_names_no_district_is_refused_and_nothing_is_stored() {
        String code = SampleCodes.unique("U");
        Map<String, Object> request = store(code, "QH-01");
        request.put("district", "999999");

        Map<String, Object> problem = api.expectProblem(400, api.post("/api/v1/stores", token(), request));

        assertThat(fieldRules(problem)).containsExactly("district:UNKNOWN_DISTRICT");
        api.expectProblem(404, api.get("/api/v1/stores/" + code, token()));
        request.put("district", "140105");
        assertThat(api.expect(201, api.post("/api/v1/stores", token(), request))).containsEntry("district", "140105");
    }

    @Test
    void a_store_manager_sees_only_the_stores_it_is_scoped_to() {
        String mine = SampleCodes.unique("M").toUpperCase();
        String theirs = SampleCodes.unique("T").toUpperCase();
        api.expect(201, api.post("/api/v1/stores", token(), store(mine, "QH-01")));
        api.expect(201, api.post("/api/v1/stores", token(), store(theirs, "QH-01")));
        String username = SampleCodes.unique("manager");

        Map<String, Object> invited = api.expect(201, api.post("/api/v1/staff", token(),
                Map.of("username", username, "role", "STORE_MANAGER", "storeCodes", List.of(mine))));
        assertThat(invited).containsEntry("username", username).containsEntry("storeCodes", List.of(mine));
        api.expect(201, api.post("/api/v1/invitations/" + invited.get("invitationToken") + "/accept", null,
                Map.of("password", "store-manager-password")));
        String manager = api.login(username, "store-manager-password");

        assertThat(items(api.expect(200, api.get("/api/v1/stores", manager)))).extracting(s -> s.get("code")).containsExactly(mine);
        api.expect(200, api.get("/api/v1/stores/" + mine, manager));
        api.expectProblem(404, api.get("/api/v1/stores/" + theirs, manager));
        api.expectProblem(403, api.post("/api/v1/stores", manager, store(SampleCodes.unique("X"), "QH-01")));
        api.expectProblem(403, api.get("/api/v1/staff", manager));
        assertThat(items(api.expect(200, api.get("/api/v1/staff", token()))))
                .filteredOn(m -> username.equals(m.get("username")))
                .singleElement().satisfies(m -> assertThat(m).containsEntry("role", "STORE_MANAGER")
                        .containsEntry("storeCodes", List.of(mine)));
    }

    @Test
    void staff_invitations_name_allowed_roles_and_existing_stores() {
        Map<String, Object> wrongRole = api.expectProblem(400, api.post("/api/v1/staff", token(),
                Map.of("username", SampleCodes.unique("x"), "role", "PARK_ADMIN")));
        assertThat(fieldRules(wrongRole)).containsExactly("role:ROLE_NOT_ALLOWED");

        Map<String, Object> unknownStore = api.expectProblem(400, api.post("/api/v1/staff", token(),
                Map.of("username", SampleCodes.unique("x"), "role", "STORE_MANAGER", "storeCodes", List.of("NOWHERE"))));
        assertThat(fieldRules(unknownStore)).containsExactly("storeCodes:UNKNOWN_STORE");

        api.expectProblem(409, api.post("/api/v1/staff", token(),
                Map.of("username", merchant.admin().username(), "role", "RETAILER_ADMIN")));

        Map<String, Object> officer = api.expect(201, api.post("/api/v1/staff", park.admin().token(),
                Map.of("username", SampleCodes.unique("officer"), "role", "CUSTOMS_OFFICER")));
        assertThat(officer).containsEntry("role", "CUSTOMS_OFFICER");
        Map<String, Object> otherName = api.expectProblem(400, api.post("/api/v1/invitations/" + officer.get("invitationToken")
                + "/accept", null, Map.of("username", SampleCodes.unique("someone-else"), "password", "officer-password-1")));
        assertThat(fieldRules(otherName)).containsExactly("username:USERNAME_SET_BY_INVITATION");
    }

    private String token() {
        return merchant.admin().token();
    }

    private static Map<String, Object> store(String code, String warehouse) {
        Map<String, Object> store = new HashMap<>();
        store.put("code", code);
        store.put("name", "Store " + code);
        store.put("kind", "CONVENIENCE_STORE");
        store.put("address", "广东省深圳市南山区前海路1号");
        store.put("district", "440305");
        store.put("lat", 22.533);
        store.put("lng", 113.894);
        store.put("warehouseCode", warehouse);
        return store;
    }
}
