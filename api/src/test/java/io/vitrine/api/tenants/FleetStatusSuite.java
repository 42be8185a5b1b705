package io.vitrine.api.tenants;

import io.vitrine.api.tenants.DevicesApi.Kiosk;
import io.vitrine.api.tenants.DevicesApi.Pos;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.vitrine.api.tenants.TenantsApi.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Fleet status (GET /api/v1/devices, /api/v1/devices/fleet) computed in SQL, run embedded (H2) and on
 * MariaDB. One merchant, built once, with a device in every state:
 * <pre>
 * store1: kiosk k1 online, kiosk k2 offline (an hour ago), POS p2 never seen      -> not dark
 * store2: kiosk k3 offline (an hour ago), kiosk k4 not paired                     -> dark, seen an hour ago
 * store3: kiosk k5 revoked, POS p1 online                                         -> no paired kiosk, not dark
 * store4: kiosk k6 paired, never seen since                                        -> dark, never seen
 * partner q1 never seen
 * </pre>
 * Another merchant of the same park has devices too (a dark store among them): the counts prove that every
 * hand-written query keeps to the tenant.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FleetStatusSuite {

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private final DevicesApi devices;
    private Merchant merchant;
    private String store1;
    private String store2;
    private String store3;
    private String store4;
    private Kiosk k1;
    private Kiosk k2;
    private Kiosk k3;
    private Kiosk k4;
    private Kiosk k5;
    private Kiosk k6;
    private Pos p1;
    private Pos p2;
    private Pos q1;
    private Instant anHourAgo;

    FleetStatusSuite(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
        this.devices = new DevicesApi(vitrine);
    }

    @BeforeAll
    void aMerchantWithADeviceInEveryState() {
        anHourAgo = vitrine.bean(Clock.class).instant().minus(Duration.ofHours(1));
        TenantsApi.Park park = devices.parkWithWarehouse("FL-01");
        Merchant other = api.merchant(park);
        String otherStore = devices.store(other, "FL-01", "Other fleet");
        Kiosk otherKiosk = devices.kiosk(other, otherStore);
        devices.paired(other, otherStore, otherKiosk);
        devices.lastSeen(otherKiosk.key(), anHourAgo);
        devices.kiosk(other, otherStore);
        api.expect(200, devices.whoami(devices.pos(other, otherStore)));
        merchant = api.merchant(park);
        store1 = devices.store(merchant, "FL-01", "Fleet one");
        store2 = devices.store(merchant, "FL-01", "Fleet two");
        store3 = devices.store(merchant, "FL-01", "Fleet three");
        store4 = devices.store(merchant, "FL-01", "Fleet four");

        k1 = devices.kiosk(merchant, store1);
        api.expect(200, devices.heartbeat(merchant.slug(), devices.paired(merchant, store1, k1), "3.0.0"));
        k2 = devices.kiosk(merchant, store1);
        devices.paired(merchant, store1, k2);
        devices.lastSeen(k2.key(), anHourAgo);
        p2 = devices.pos(merchant, store1);

        k3 = devices.kiosk(merchant, store2);
        devices.paired(merchant, store2, k3);
        devices.lastSeen(k3.key(), anHourAgo);
        k4 = devices.kiosk(merchant, store2);

        k5 = devices.kiosk(merchant, store3);
        devices.paired(merchant, store3, k5);
        assertThat(api.send("DELETE", "/api/v1/devices/" + k5.key(), token(), null).statusCode()).isEqualTo(204);
        p1 = devices.pos(merchant, store3);
        api.expect(200, devices.whoami(p1));

        k6 = devices.kiosk(merchant, store4);
        devices.paired(merchant, store4, k6);
        devices.lastSeen(k6.key(), null);
        q1 = devices.pos(merchant, null);
    }

    @Test
    void the_summary_counts_each_kind_in_each_state() {
        Map<String, Object> fleet = api.expect(200, api.get("/api/v1/devices/fleet", token()));

        assertThat(kinds(fleet)).containsExactly(
                Map.of("kind", "KIOSK", "online", 1, "offline", 3, "pendingPairing", 1, "revoked", 1),
                Map.of("kind", "POS", "online", 1, "offline", 1, "pendingPairing", 0, "revoked", 0),
                Map.of("kind", "PARTNER", "online", 0, "offline", 1, "pendingPairing", 0, "revoked", 0));
        assertThat(TenantsApi.object(fleet, "totals")).containsEntry("online", 2).containsEntry("offline", 5)
                .containsEntry("pendingPairing", 1).containsEntry("revoked", 1);
    }

    @Test
    void the_stores_whose_paired_kiosks_are_all_offline_are_listed_with_when_one_was_last_seen() {
        Map<String, Object> dark = TenantsApi.object(api.expect(200, api.get("/api/v1/devices/fleet", token())), "darkStores");

        assertThat(dark).containsEntry("total", 2);
        assertThat(items(dark)).extracting(s -> s.get("storeCode"), s -> s.get("storeName"), s -> s.get("kiosks"))
                .containsExactly(tuple(store2, "Fleet two", 1),
                        tuple(store4, "Fleet four", 1));
        assertThat(OffsetDateTime.parse((String) items(dark).get(0).get("lastSeenAt")).toInstant())
                .isBetween(anHourAgo.minusMillis(1), anHourAgo.plusMillis(1));
        assertThat(items(dark).get(1).get("lastSeenAt")).isNull();
    }

    @Test
    void dark_stores_come_page_by_page() {
        Map<String, Object> second = TenantsApi.object(
                api.expect(200, api.get("/api/v1/devices/fleet?page=1&size=1", token())), "darkStores");

        assertThat(second).containsEntry("total", 2);
        assertThat(items(second)).extracting(s -> s.get("storeCode")).containsExactly(store4);
    }

    @Test
    void online_devices_are_active_and_seen_within_the_window() {
        assertThat(keys("status=online")).containsExactly(k1.key(), p1.key());
    }

    @Test
    void offline_devices_are_active_but_not_seen_since_and_filters_combine() {
        assertThat(keys("status=offline")).containsExactlyInAnyOrder(k2.key(), p2.key(), k3.key(), k6.key(), q1.key());
        assertThat(keys("status=offline&kind=KIOSK")).containsExactlyInAnyOrder(k2.key(), k3.key(), k6.key());
        assertThat(keys("status=offline&kind=KIOSK&storeCode=" + store2)).containsExactly(k3.key());
        assertThat(keys("status=pending")).containsExactly(k4.key());
        assertThat(keys("status=revoked")).containsExactly(k5.key());
    }

    @Test
    void a_store_lists_its_devices_with_their_state() {
        Map<String, Object> listing = api.expect(200, api.get("/api/v1/devices?storeCode=" + store1, token()));

        assertThat(listing).containsEntry("total", 3);
        assertThat(items(listing)).extracting(d -> d.get("deviceKey") + ":" + d.get("status") + ":" + d.get("online"))
                .containsExactlyInAnyOrder(k1.key() + ":ACTIVE:true", k2.key() + ":ACTIVE:false", p2.key() + ":ACTIVE:false");
        assertThat(items(listing)).filteredOn(d -> d.get("deviceKey").equals(k1.key()))
                .extracting(d -> d.get("appVersion")).containsExactly("3.0.0");
    }

    @Test
    void pages_cover_the_whole_fleet_once_with_its_total() {
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 5; page++) {
            Map<String, Object> listing = api.expect(200, api.get("/api/v1/devices?size=2&page=" + page, token()));
            assertThat(listing).containsEntry("total", 9);
            items(listing).forEach(d -> seen.add((String) d.get("deviceKey")));
        }

        assertThat(seen).containsExactlyInAnyOrder(k1.key(), k2.key(), k3.key(), k4.key(), k5.key(), k6.key(),
                p1.key(), p2.key(), q1.key());
        assertThat(items(api.expect(200, api.get("/api/v1/devices?size=2&page=5", token())))).isEmpty();
    }

    @Test
    void a_bad_filter_or_page_is_refused_naming_the_field() {
        assertThat(api.expectProblem(400, api.get("/api/v1/devices?status=sleeping", token())).toString())
                .contains("status", "DEVICE_STATUS_FILTER");
        assertThat(api.expectProblem(400, api.get("/api/v1/devices?kind=TOASTER", token())).toString()).contains("kind");
        assertThat(api.expectProblem(400, api.get("/api/v1/devices?size=201", token())).toString()).contains("size");
        assertThat(api.expectProblem(400, api.get("/api/v1/devices/fleet?page=-1", token())).toString()).contains("page");
    }

    @Test
    void a_store_that_is_not_the_tenants_is_404() {
        api.expectProblem(404, api.get("/api/v1/devices?storeCode=NOT-A-STORE", token()));
    }

    private List<String> keys(String query) {
        return items(api.expect(200, api.get("/api/v1/devices?" + query, token()))).stream()
                .map(d -> (String) d.get("deviceKey")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> kinds(Map<String, Object> fleet) {
        return (List<Map<String, Object>>) fleet.get("kinds");
    }

    private String token() {
        return merchant.admin().token();
    }
}
