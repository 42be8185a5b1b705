package io.vitrine.api.console;

import io.vitrine.api.customs.DeclarationRows;
import io.vitrine.api.tenants.Rows;
import io.vitrine.api.tenants.SampleCodes;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Account;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.tenants.TenantsApi.Park;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.customs.declaration.DeclarationStatus;
import io.vitrine.kernel.tenancy.TenantId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #6 "Console": the declaration pages and their API over the embedded application, with declarations written
 * through customs' own store ({@link DeclarationRows}). Park P has merchants M1 (seven declarations in October 2026,
 * one in September) and M2 (one); park Q has M3 (one). Roles: M1's retailer admin reads M1's; P's customs officer and
 * park admin every member's; M1's store manager nothing (403); Q's customs officer nothing of P's. Every read of a
 * signed XML is one audit row; the bytes are those kept when it was sent.
 */
@ExtendWith(EmbeddedVitrine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeclarationsConsoleTest {

    private static final Instant OCT_10 = Instant.parse("2026-10-10T02:00:00Z");
    private static final long[] CLEARANCE_SECONDS = {3_600, 7_200, 10_800, 14_400, 36_000};

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private final DeclarationRows rows;
    private Park parkP;
    private Merchant m1;
    private Merchant m2;
    private Merchant m3;
    private Account officerP;
    private Account officerQ;
    private Account managerM1;
    private final List<String> released = new ArrayList<>();
    private final List<String> releasedGuids = new ArrayList<>();
    private String stuck;
    private String stuckGuid;
    private String rejected;
    private String rejectedGuid;
    private String ofM2;
    private String ofM3;
    private String guidM3;

    DeclarationsConsoleTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
        this.rows = new DeclarationRows(vitrine);
    }

    @BeforeAll
    void twoParksWithDeclarations() {
        parkP = api.park();
        m1 = api.merchant(parkP);
        m2 = api.merchant(parkP);
        Park parkQ = api.park();
        m3 = api.merchant(parkQ);
        officerP = officer(parkP);
        officerQ = officer(parkQ);
        ConsoleFixtures fixtures = new ConsoleFixtures(vitrine);
        fixtures.warehouse(parkP, "DW-1");
        fixtures.store(m1, "DS1", "DW-1");
        managerM1 = staff(m1.admin().token(), Map.of("username", SampleCodes.unique("manager"), "role", "STORE_MANAGER",
                "storeCodes", List.of("DS1")));

        TenantId t1 = TenantId.of(m1.id());
        for (long seconds : CLEARANCE_SECONDS) {
            String orderNo = DeclarationRows.orderNo();
            String guid = DeclarationRows.guid();
            Instant releasedAt = OCT_10.plusSeconds(seconds);
            rows.open(DeclarationRows.declaration(t1, orderNo, DeclarationStatus.RELEASED, OCT_10, releasedAt, null),
                    guid, "CEB311");
            rows.sent(t1, guid, DeclarationRows.signedXml(orderNo, guid), OCT_10.plusSeconds(5));
            rows.receipt(t1, orderNo, guid, 2, OCT_10.plusSeconds(30), null);
            rows.receipt(t1, orderNo, guid, 120, OCT_10.plusSeconds(60), null);
            rows.receipt(t1, orderNo, guid, 800, releasedAt, null);
            released.add(orderNo);
            releasedGuids.add(guid);
        }
        // the first one's 800 delivered again under another receipt id, later: it counts once, at the first
        rows.receipt(t1, released.get(0), releasedGuids.get(0), 800, OCT_10.plusSeconds(90_000), null);
        stuck = DeclarationRows.orderNo();
        stuckGuid = DeclarationRows.guid();
        Instant oct2 = Instant.parse("2026-10-02T01:00:00Z");
        rows.open(DeclarationRows.declaration(t1, stuck, DeclarationStatus.DECLARING, oct2, oct2, null), stuckGuid,
                "CEB311");
        rejected = DeclarationRows.orderNo();
        rejectedGuid = DeclarationRows.guid();
        Instant oct15 = Instant.parse("2026-10-15T03:00:00Z");
        rows.open(DeclarationRows.declaration(t1, rejected, DeclarationStatus.REJECTED, oct15, oct15.plusSeconds(600),
                "Order[1].OrderHead.consignee REQUIRED <b>收货人</b>"), rejectedGuid, "CEB311");
        rows.sent(t1, rejectedGuid, DeclarationRows.signedXml(rejected, rejectedGuid), oct15.plusSeconds(5));
        rows.receipt(t1, rejected, rejectedGuid, 2, oct15.plusSeconds(60), null);
        rows.receipt(t1, rejected, rejectedGuid, 100, oct15.plusSeconds(600),
                "Order[1].OrderHead.consignee REQUIRED <b>收货人</b>");
        // September: outside the monitor's October
        String september = DeclarationRows.orderNo();
        String septemberGuid = DeclarationRows.guid();
        Instant sep20 = Instant.parse("2026-09-20T02:00:00Z");
        rows.open(DeclarationRows.declaration(t1, september, DeclarationStatus.RELEASED, sep20, sep20.plusSeconds(60),
                null), septemberGuid, "CEB311");
        rows.receipt(t1, september, septemberGuid, 800, sep20.plusSeconds(60), null);

        ofM2 = declaredAndSent(TenantId.of(m2.id()), DeclarationStatus.ACCEPTED, Instant.parse("2026-10-12T02:00:00Z"));
        ofM3 = DeclarationRows.orderNo();
        guidM3 = DeclarationRows.guid();
        TenantId t3 = TenantId.of(m3.id());
        rows.open(DeclarationRows.declaration(t3, ofM3, DeclarationStatus.DECLARING, OCT_10, OCT_10, null), guidM3, "CEB311");
        rows.sent(t3, guidM3, DeclarationRows.signedXml(ofM3, guidM3), OCT_10);
    }

    // ---- the signed XML

    @Test
    void the_signed_xml_is_the_exact_bytes_sent_and_every_read_is_audited() {
        String orderNo = released.get(1);
        String guid = releasedGuids.get(1);
        String path = "/api/v1/declarations/" + orderNo + "/messages/" + guid;
        assertThat(audits(guid)).isEmpty();

        HttpResponse<byte[]> first = bytes(path, m1.admin().token());
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/xml"));
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(first.body()).isEqualTo(DeclarationRows.signedXml(orderNo, guid));
        assertThat(audits(guid)).containsExactly("RETAILER_ADMIN:" + m1.admin().username());

        assertThat(bytes(path, officerP.token()).body()).isEqualTo(DeclarationRows.signedXml(orderNo, guid));
        assertThat(bytes(path, parkP.admin().token()).statusCode()).isEqualTo(200);
        assertThat(audits(guid)).containsExactlyInAnyOrder("RETAILER_ADMIN:" + m1.admin().username(),
                "CUSTOMS_OFFICER:" + officerP.username(), "PARK_ADMIN:" + parkP.admin().username());
        assertThat(Rows.column(vitrine, "SELECT tenant_id FROM audit_events WHERE subject_id = ?", guid))
                .containsOnly(m1.id());
        assertThat(Rows.column(vitrine, "SELECT detail FROM audit_events WHERE subject_id = ?", guid))
                .allSatisfy(detail -> assertThat(detail).contains(orderNo).doesNotContain("张三"));
    }

    @Test
    void the_signed_xml_is_refused_to_store_managers_other_parks_other_orders_and_unsent_messages() {
        String orderNo = released.get(2);
        String guid = releasedGuids.get(2);
        String path = "/api/v1/declarations/" + orderNo + "/messages/" + guid;
        assertThat(bytes(path, managerM1.token()).statusCode()).isEqualTo(403);
        assertThat(bytes(path, officerQ.token()).statusCode()).isEqualTo(404);
        assertThat(bytes(path, m2.admin().token()).statusCode()).isEqualTo(404);
        assertThat(bytes("/api/v1/declarations/" + released.get(3) + "/messages/" + guid, m1.admin().token())
                .statusCode()).as("another order's guid").isEqualTo(404);
        assertThat(bytes("/api/v1/declarations/" + orderNo + "/messages/" + DeclarationRows.guid(), m1.admin().token())
                .statusCode()).isEqualTo(404);
        // M3's message exists (Q's officer reads it) and is none of M1's admin's or P's officer's
        String m3Path = "/api/v1/declarations/" + ofM3 + "/messages/" + guidM3;
        assertThat(bytes(m3Path, officerQ.token()).statusCode()).isEqualTo(200);
        assertThat(bytes(m3Path, m1.admin().token()).statusCode()).isEqualTo(404);
        assertThat(bytes(m3Path, officerP.token()).statusCode()).isEqualTo(404);
        api.expectProblem(409, api.get("/api/v1/declarations/" + stuck + "/messages/" + stuckGuid, m1.admin().token()));
        assertThat(audits(guid)).isEmpty();
        assertThat(audits(stuckGuid)).isEmpty();
        assertThat(audits(guidM3)).containsExactly("CUSTOMS_OFFICER:" + officerQ.username());
    }

    // ---- reading across the park

    @Test
    void park_staff_read_every_member_and_filter_by_one_merchants_admin_only_their_own() {
        List<String> officerSees = orderNos(api.get("/api/v1/declarations", officerP.token()));
        assertThat(officerSees).contains(stuck, rejected, ofM2).doesNotContain(ofM3);
        assertThat(orderNos(api.get("/api/v1/declarations?tenant=" + m2.slug(), officerP.token()))).containsExactly(ofM2);
        assertThat(orderNos(api.get("/api/v1/declarations?tenant=" + m1.slug() + "&status=REJECTED", parkP.admin().token())))
                .containsExactly(rejected);
        api.expectProblem(404, api.get("/api/v1/declarations?tenant=" + m3.slug(), officerP.token()));
        assertThat(api.expect(200, api.get("/api/v1/declarations/" + ofM2, officerP.token())))
                .extractingByKey("declaration").asString().contains(m2.slug());
        api.expectProblem(404, api.get("/api/v1/declarations/" + ofM3, officerP.token()));

        assertThat(orderNos(api.get("/api/v1/declarations", m1.admin().token()))).contains(stuck).doesNotContain(ofM2, ofM3);
        api.expectProblem(404, api.get("/api/v1/declarations/" + ofM2, m1.admin().token()));
        assertThat(orderNos(api.get("/api/v1/declarations", officerQ.token()))).containsExactly(ofM3);
        assertThat(api.get("/api/v1/declarations", managerM1.token()).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/declarations/monitor", managerM1.token()).statusCode()).isEqualTo(403);
    }

    // ---- the monitor

    @Test
    void the_monitor_counts_by_status_finds_the_oldest_stuck_and_computes_clearance_times() {
        Instant before = Instant.now();
        Map<String, Object> m = api.expect(200, api.get("/api/v1/declarations/monitor?from=2026-10-01&to=2026-10-31",
                m1.admin().token()));
        Instant after = Instant.now();
        assertThat(m).containsEntry("from", "2026-10-01").containsEntry("to", "2026-10-31").containsEntry("total", 7);
        assertThat(TenantsApi.object(m, "counts")).containsEntry("RELEASED", 5).containsEntry("DECLARING", 1)
                .containsEntry("REJECTED", 1).containsEntry("ACCEPTED", 0);
        // 1h 2h 3h 4h 10h: mean 4h; nearest rank p50 = 3rd = 3h, p90 = 5th = 10h
        assertThat(TenantsApi.object(m, "clearance")).containsEntry("released", 5).containsEntry("averageSeconds", 14_400)
                .containsEntry("p50Seconds", 10_800).containsEntry("p90Seconds", 36_000);
        Map<String, Object> oldest = TenantsApi.object(m, "oldestStuck");
        assertThat(oldest).containsEntry("orderNo", stuck).containsEntry("status", "DECLARING")
                .containsEntry("tenant", m1.slug());
        Instant since = Instant.parse("2026-10-02T01:00:00Z");
        assertThat(((Number) oldest.get("ageSeconds")).longValue())
                .isBetween(Duration.between(since, before).toSeconds() - 1, Duration.between(since, after).toSeconds() + 1);

        Map<String, Object> park = api.expect(200, api.get("/api/v1/declarations/monitor?from=2026-10-01&to=2026-10-31",
                officerP.token()));
        assertThat(park).containsEntry("total", 8);
        assertThat(TenantsApi.object(park, "counts")).containsEntry("ACCEPTED", 1);
        assertThat(TenantsApi.object(api.expect(200, api.get("/api/v1/declarations/monitor?from=2026-10-01&to=2026-10-31&tenant="
                + m2.slug(), officerP.token())), "clearance")).containsEntry("released", 0)
                .satisfies(c -> assertThat(c.get("p50Seconds")).isNull());
        Map<String, Object> september = api.expect(200, api.get("/api/v1/declarations/monitor?from=2026-09-01&to=2026-09-30",
                m1.admin().token()));
        assertThat(september).containsEntry("total", 1);
        assertThat(TenantsApi.object(september, "clearance")).containsEntry("released", 1).containsEntry("p90Seconds", 60);
        assertThat(api.expectProblem(400, api.get("/api/v1/declarations/monitor?from=2026-10-31&to=2026-10-01",
                m1.admin().token())).toString()).contains("RANGE_ORDER");
        assertThat(api.expectProblem(400, api.get("/api/v1/declarations/monitor?from=yesterday", m1.admin().token()))
                .toString()).contains("DAY_FORM");
    }

    // ---- pages

    @Test
    void the_monitor_and_list_pages_render_in_both_languages_with_the_rejected_reasons() {
        ConsoleClient admin = ConsoleClient.signedIn(vitrine, m1.admin().username(), m1.admin().password());
        String monitor = page(admin, "/console/declarations/-/monitor?from=2026-10-01&to=2026-10-31&lang=en");
        assertThat(Html.testId(monitor, "count-RELEASED")).isEqualTo("5");
        assertThat(Html.testId(monitor, "average")).isEqualTo("4h 0m");
        assertThat(Html.testId(monitor, "p50")).isEqualTo("3h 0m");
        assertThat(Html.testId(monitor, "p90")).isEqualTo("10h 0m");
        assertThat(Html.testId(monitor, "stuck-order")).isEqualTo(stuck);
        assertThat(page(admin, "/console/declarations/-/monitor?from=2026-10-01&to=2026-10-31&lang=zh-CN"))
                .contains("申报监控", "通关用时", "已放行");
        HttpResponse<String> bad = admin.get("/console/declarations/-/monitor?from=2026-13-01&lang=en");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Html.hasTestId(bad.body(), "error-filter-from")).isTrue();

        String rejectedList = page(admin, "/console/declarations?status=REJECTED&lang=en");
        assertThat(rejectedList).contains("data-order=\"" + rejected + "\"").doesNotContain("data-order=\"" + stuck + "\"");
        assertThat(Html.testId(rejectedList, "reason-" + rejected))
                .isEqualTo("Order[1].OrderHead.consignee REQUIRED &lt;b&gt;收货人&lt;/b&gt;");
        assertThat(rejectedList).doesNotContain("<b>收货人");
        assertThat(page(admin, "/console/declarations?lang=zh-CN")).contains("申报单", "已退回", "海关原因")
                .doesNotContain("data-order=\"" + ofM2 + "\"");
        assertThat(admin.get("/console/declarations?status=LOST&lang=en").statusCode()).isEqualTo(400);

        ConsoleClient officer = ConsoleClient.signedIn(vitrine, officerP.username(), officerP.password());
        String parkList = page(officer, "/console/declarations?lang=en");
        assertThat(parkList).contains("data-order=\"" + ofM2 + "\"", "data-order=\"" + rejected + "\"",
                "data-testid=\"tenant-" + ofM2 + "\"").doesNotContain(ofM3);
        assertThat(page(officer, "/console/declarations?tenant=" + m2.slug() + "&lang=en"))
                .contains("data-order=\"" + ofM2 + "\"").doesNotContain("data-order=\"" + rejected + "\"");
        assertThat(officer.get("/console/declarations?tenant=" + m3.slug() + "&lang=en").statusCode()).isEqualTo(404);
        assertThat(page(officer, "/console?lang=en")).contains("/console/declarations?lang=en");

        ConsoleClient manager = ConsoleClient.signedIn(vitrine, managerM1.username(), managerM1.password());
        assertThat(manager.get("/console/declarations?lang=en").statusCode()).isEqualTo(403);
        assertThat(manager.get("/console/declarations/" + rejected + "?lang=en").statusCode()).isEqualTo(403);
    }

    @Test
    void the_declaration_page_shows_the_timeline_in_order_with_audited_xml_links_and_the_correction_forms() {
        ConsoleClient admin = ConsoleClient.signedIn(vitrine, m1.admin().username(), m1.admin().password());
        String page = page(admin, "/console/declarations/" + rejected + "?lang=en");
        assertThat(steps(page)).containsExactly("message:CEB311", "receipt:2", "receipt:100");
        assertThat(page).contains("href=\"/api/v1/declarations/" + rejected + "/messages/" + rejectedGuid + "\"",
                "rejected by customs", "data-testid=\"resubmit-form\"",
                "action=\"/api/v1/declarations/" + rejected + "/resubmit\"", "data-testid=\"cancel-form\"",
                "action=\"/console/orders/" + rejected + "/cancel?lang=en\"", "name=\"formToken\"",
                "/static/js/declaration-resubmit.js");
        assertThat(Html.testId(page, "reason")).contains("&lt;b&gt;");
        assertThat(page(admin, "/console/declarations/" + rejected + "?lang=zh-CN")).contains("海关退单", "修改后重新申报", "收货人姓名");

        String released0 = page(admin, "/console/declarations/" + released.get(0) + "?lang=en");
        assertThat(steps(released0)).containsExactly("message:CEB311", "receipt:2", "receipt:120", "receipt:800",
                "receipt:800");
        assertThat(released0).doesNotContain("resubmit-form", "cancel-form");
        String unsent = page(admin, "/console/declarations/" + stuck + "?lang=en");
        assertThat(unsent).contains("Not sent yet").doesNotContain("/messages/" + stuckGuid);

        ConsoleClient officer = ConsoleClient.signedIn(vitrine, officerP.username(), officerP.password());
        String asOfficer = page(officer, "/console/declarations/" + rejected + "?lang=en");
        // customs officers read; correcting and cancelling are the merchant's (the resubmit API refuses them: 403)
        assertThat(asOfficer).contains("/messages/" + rejectedGuid)
                .doesNotContain("data-testid=\"resubmit-form\"", "data-testid=\"cancel-form\"");
        // an inventory list standing with customs: its merchant may cancel, customs asked first (CEB623)
        ConsoleClient adminM2 = ConsoleClient.signedIn(vitrine, m2.admin().username(), m2.admin().password());
        String accepted = page(adminM2, "/console/declarations/" + ofM2 + "?lang=en");
        assertThat(accepted).contains("data-testid=\"cancel-form\"", "CEB623").doesNotContain("resubmit-form");
        assertThat(officer.get("/console/declarations/" + ofM3 + "?lang=en").statusCode()).isEqualTo(404);
        assertThat(admin.get("/console/declarations/" + ofM2 + "?lang=en").statusCode()).isEqualTo(404);
    }

    // ---- helpers

    private Account officer(Park park) {
        return staff(park.admin().token(), Map.of("username", SampleCodes.unique("officer"), "role", "CUSTOMS_OFFICER"));
    }

    /** A colleague invited with a username and signed in. */
    private Account staff(String inviterToken, Map<String, Object> invitation) {
        Map<String, Object> invited = api.expect(201, api.post("/api/v1/staff", inviterToken, invitation));
        String username = (String) invitation.get("username");
        String password = "pw-" + username + "-0123456789";
        api.expect(201, api.post("/api/v1/invitations/" + invited.get("invitationToken") + "/accept", null,
                Map.of("password", password)));
        return new Account(username, password, api.login(username, password));
    }

    private String declaredAndSent(TenantId tenant, DeclarationStatus status, Instant at) {
        String orderNo = DeclarationRows.orderNo();
        String guid = DeclarationRows.guid();
        rows.open(DeclarationRows.declaration(tenant, orderNo, status, at, at, null), guid, "CEB311");
        rows.sent(tenant, guid, DeclarationRows.signedXml(orderNo, guid), at);
        return orderNo;
    }

    private List<String> audits(String guid) {
        return Rows.column(vitrine, "SELECT CONCAT(actor_role, ':', actor_name) FROM audit_events WHERE action = "
                + "'DECLARATION_XML_READ' AND subject_type = 'declaration_message' AND subject_id = ?", guid);
    }

    private HttpResponse<byte[]> bytes(String path, String token) {
        return vitrine.sendBytes(HttpRequest.newBuilder(vitrine.uri(path)).header("Authorization", "Bearer " + token)
                .GET().build());
    }

    private List<String> orderNos(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return parseList(response.body());
    }

    private static List<String> parseList(String json) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("\"orderNo\":\"([^\"]+)\"").matcher(json);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String page(ConsoleClient client, String path) {
        HttpResponse<String> response = client.get(path);
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static List<String> steps(String page) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("<li data-kind=\"(message|receipt)\" (?:data-guid=\"[^\"]+\" data-type=\"([^\"]+)\"|"
                + "data-status=\"([^\"]+)\")").matcher(page);
        while (m.find()) {
            found.add(m.group(1) + ":" + (m.group(2) != null ? m.group(2) : m.group(3)));
        }
        return found;
    }
}
