package io.vitrine.api.tenants;

import io.vitrine.api.tenants.DevicesApi.Kiosk;
import io.vitrine.api.tenants.DevicesApi.Pos;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.tenants.TenantsApi.Park;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.vitrine.api.tenants.TenantsApi.items;
import static io.vitrine.api.tenants.TenantsApi.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A park admin reads its members' data through audited services and suspends / reinstates them (issue #3
 * "Isolation"), run embedded and on MariaDB. Park X has members M (two stores, a POS online, a kiosk
 * offline) and S (suspended and reinstated by one test); park Y has its own admin and member.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ParkOversightSuite {

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private final DevicesApi devices;
    private Park parkX;
    private Park parkY;
    private Merchant m;
    private Merchant y1;
    private String storeA;
    private String storeB;
    private Pos pos;
    private Kiosk kiosk;

    ParkOversightSuite(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
        this.devices = new DevicesApi(vitrine);
    }

    @BeforeAll
    void twoParks() {
        parkX = devices.parkWithWarehouse("OV-01");
        m = api.merchant(parkX);
        storeA = devices.store(m, "OV-01", "Oversight A");
        storeB = devices.store(m, "OV-01", "Oversight B");
        pos = devices.pos(m, storeA);
        api.expect(200, devices.whoami(pos));
        kiosk = devices.kiosk(m, storeB);
        devices.paired(m, storeB, kiosk);
        devices.lastSeen(kiosk.key(), Instant.parse("2020-01-01T00:00:00Z"));
        parkY = devices.parkWithWarehouse("OV-02");
        y1 = api.merchant(parkY);
    }

    @Test
    void a_park_admin_reads_a_member_with_its_counts_and_leaves_one_audit_row() {
        int before = audits(m, "PARK_READ_MEMBER");

        Map<String, Object> member = api.expect(200, api.get(member(parkX, m), adminX()));

        assertThat(object(member, "tenant")).containsEntry("slug", m.slug()).containsEntry("status", "ACTIVE");
        assertThat(member).containsEntry("stores", 2);
        assertThat(object(member, "devices")).containsEntry("online", 1).containsEntry("offline", 1)
                .containsEntry("pendingPairing", 0).containsEntry("revoked", 0);
        assertThat(audits(m, "PARK_READ_MEMBER")).isEqualTo(before + 1);
        assertThat(Rows.column(vitrine, "SELECT CONCAT(actor_name, '/', actor_role, '/', subject_id, '/', detail) FROM audit_events "
                + "WHERE tenant_id = ? AND action = 'PARK_READ_MEMBER' ORDER BY id DESC", m.id()).get(0))
                .isEqualTo(parkX.admin().username() + "/PARK_ADMIN/" + m.id() + "/park " + parkX.slug());
    }

    @Test
    void a_park_admin_reads_a_members_stores_page_by_page_each_page_audited() {
        int before = audits(m, "PARK_READ_MEMBER_STORES");

        Map<String, Object> first = api.expect(200, api.get(member(parkX, m) + "/stores?size=1", adminX()));
        Map<String, Object> second = api.expect(200, api.get(member(parkX, m) + "/stores?size=1&page=1", adminX()));

        assertThat(first).containsEntry("total", 2);
        assertThat(List.of(items(first).get(0).get("code"), items(second).get(0).get("code")))
                .containsExactlyInAnyOrder(storeA, storeB);
        assertThat(items(first).get(0)).containsEntry("warehouseCode", "OV-01");
        assertThat(audits(m, "PARK_READ_MEMBER_STORES")).isEqualTo(before + 2);
    }

    @Test
    void a_park_admin_reads_a_members_fleet_status_audited_with_its_filters() {
        int before = audits(m, "PARK_READ_MEMBER_DEVICES");

        Map<String, Object> online = api.expect(200, api.get(member(parkX, m) + "/devices?status=online", adminX()));
        Map<String, Object> offlineKiosks = api.expect(200, api.get(member(parkX, m) + "/devices?status=offline&kind=KIOSK",
                adminX()));

        assertThat(items(online)).extracting(d -> d.get("deviceKey")).containsExactly(pos.key());
        assertThat(items(offlineKiosks)).extracting(d -> d.get("deviceKey")).containsExactly(kiosk.key());
        assertThat(audits(m, "PARK_READ_MEMBER_DEVICES")).isEqualTo(before + 2);
        assertThat(Rows.column(vitrine, "SELECT detail FROM audit_events WHERE tenant_id = ? "
                + "AND action = 'PARK_READ_MEMBER_DEVICES' ORDER BY id DESC", m.id()).get(0))
                .isEqualTo("park " + parkX.slug() + "; page 0, size 50, status offline, kind KIOSK");
    }

    @Test
    void a_park_admin_of_another_park_finds_no_member_of_park_x_and_leaves_no_audit_row() {
        int before = audits(m, null);
        String adminY = parkY.admin().token();

        for (String path : List.of(member(parkY, m), member(parkX, m), member(parkY, m) + "/stores",
                member(parkX, m) + "/stores", member(parkY, m) + "/devices", member(parkX, m) + "/devices")) {
            api.expectProblem(404, api.get(path, adminY));
        }
        api.expectProblem(404, api.post(member(parkY, m) + "/suspend", adminY, Map.of("reason", "not yours")));
        api.expectProblem(404, api.post(member(parkX, m) + "/suspend", adminY, Map.of("reason", "not yours")));
        // nor does park X's admin see park Y's member, or a park as if it were a member
        api.expectProblem(404, api.get(member(parkX, y1), adminX()));
        api.expectProblem(404, api.get("/api/v1/parks/" + parkX.slug() + "/tenants/" + parkX.slug(), adminX()));
        api.expectProblem(404, api.get("/api/v1/parks/" + parkX.slug() + "/tenants/no-such-member", adminX()));

        assertThat(audits(m, null)).isEqualTo(before);
        assertThat(api.expect(200, api.get(member(parkX, m), adminX()))).containsEntry("stores", 2);
    }

    @Test
    void a_member_cannot_use_the_park_admins_view_of_itself() {
        assertThat(api.get(member(parkX, m), m.admin().token()).statusCode()).isEqualTo(403);
    }

    @Test
    void a_suspended_members_storefront_answers_404_until_it_is_reinstated() {
        Merchant s = api.merchant(parkX);
        String storefront = "/s/" + s.slug() + "/test-only/tenant-scoped";
        assertThat(vitrine.get(storefront).body()).isEqualTo(s.id()); // its slug is cached now

        Map<String, Object> suspended = api.expect(200, api.post(member(parkX, s) + "/suspend", adminX(),
                Map.of("reason", "licence expired")));

        assertThat(suspended).containsEntry("status", "SUSPENDED");
        api.expectProblem(404, vitrine.get(storefront));
        api.expectProblem(404, devices.pair(s.slug(), "ANY", "ABCDEFGH"));
        Map<String, Object> detail = api.expect(200, api.get(member(parkX, s), adminX()));
        assertThat(detail).containsEntry("statusReason", "licence expired");
        assertThat(detail.get("statusChangedAt")).isNotNull();
        assertThat(items(api.expect(200, api.get("/api/v1/parks/" + parkX.slug() + "/tenants?size=200", adminX()))))
                .filteredOn(t -> t.get("slug").equals(s.slug())).extracting(t -> t.get("status")).containsExactly("SUSPENDED");
        api.expectProblem(409, api.post(member(parkX, s) + "/suspend", adminX(), Map.of("reason", "again")));
        assertThat(api.expectProblem(400, api.post(member(parkX, s) + "/reinstate", adminX(), Map.of())).toString())
                .contains("reason");

        Map<String, Object> reinstated = api.expect(200, api.post(member(parkX, s) + "/reinstate", adminX(),
                Map.of("reason", "licence renewed")));

        assertThat(reinstated).containsEntry("status", "ACTIVE");
        assertThat(vitrine.get(storefront).body()).isEqualTo(s.id());
        api.expectProblem(409, api.post(member(parkX, s) + "/reinstate", adminX(), Map.of("reason", "again")));
        assertThat(Rows.column(vitrine, "SELECT action FROM audit_events WHERE tenant_id = ? AND action LIKE 'TENANT_%' "
                + "ORDER BY id", s.id())).containsExactly("TENANT_CREATED", "TENANT_SUSPENDED", "TENANT_REINSTATED");
        assertThat(Rows.column(vitrine, "SELECT event_type FROM outbox_events WHERE tenant_id = ? AND business_key = ? "
                + "AND event_type IN ('tenants.TenantSuspended', 'tenants.TenantReinstated') ORDER BY occurred_at", s.id(), s.slug()))
                .containsExactly("tenants.TenantSuspended", "tenants.TenantReinstated");
    }

    @Test
    void a_suspended_members_staff_tokens_and_signed_devices_stop_at_once_and_work_again_once_reinstated() {
        Merchant s = api.merchant(parkX);
        String store = devices.store(s, "OV-01", "suspension shop");
        Pos pos = devices.pos(s, store);
        String token = s.admin().token();
        assertThat(api.get("/api/v1/tenant", token).statusCode()).isEqualTo(200);
        assertThat(devices.whoami(pos).statusCode()).isEqualTo(200);

        api.expect(200, api.post(member(parkX, s) + "/suspend", adminX(), Map.of("reason", "customs hold")));

        assertThat(api.get("/api/v1/tenant", token).statusCode()).isEqualTo(401);
        assertThat(devices.whoami(pos).statusCode()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/login", null, Map.of("username", s.admin().username(),
                "password", s.admin().password())).statusCode()).isEqualTo(401);

        api.expect(200, api.post(member(parkX, s) + "/reinstate", adminX(), Map.of("reason", "hold lifted")));

        assertThat(api.get("/api/v1/tenant", token).statusCode()).isEqualTo(200);
        assertThat(devices.whoami(pos).statusCode()).isEqualTo(200);
    }

    @Test
    void a_suspension_without_a_reason_changes_nothing() {
        HttpResponse<String> refused = api.post(member(parkX, m) + "/suspend", adminX(), Map.of("reason", "  "));

        assertThat(api.expectProblem(400, refused).toString()).contains("reason");
        assertThat(object(api.expect(200, api.get(member(parkX, m), adminX())), "tenant")).containsEntry("status", "ACTIVE");
    }

    private static String member(Park park, Merchant merchant) {
        return "/api/v1/parks/" + park.slug() + "/tenants/" + merchant.slug();
    }

    private String adminX() {
        return parkX.admin().token();
    }

    private int audits(Merchant merchant, String action) {
        return action == null
                ? Integer.parseInt(Rows.column(vitrine, "SELECT COUNT(*) FROM audit_events WHERE tenant_id = ?", merchant.id()).get(0))
                : Integer.parseInt(Rows.column(vitrine, "SELECT COUNT(*) FROM audit_events WHERE tenant_id = ? AND action = ?",
                merchant.id(), action).get(0));
    }
}
