package io.vitrine.api.tenants;

import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.api.tenants.TenantsApi.Account;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.tenants.TenantsApi.Park;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.registry.TenantDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Disabling a staff account, signing out and suspending a tenant end the tokens they concern at once
 * (the claims check reads the shared cache), run embedded and on the cluster services (MariaDB, Redis).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StaffRevocationSuite {

    static final String SIGNED_IN_PROBE = "/api/v1/tenant";

    final RunningVitrine vitrine;
    final TenantsApi api;
    Park park;
    Merchant merchant;
    Merchant neighbour;

    StaffRevocationSuite(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
    }

    @BeforeAll
    void aParkWithTwoMerchants() {
        park = api.park();
        merchant = api.merchant(park);
        neighbour = api.merchant(park);
    }

    @Test
    void a_disabled_accounts_token_stops_at_once_and_it_signs_in_again_only_once_enabled() {
        Account clerk = newRetailerAdmin(merchant);
        api.expect(200, api.get(SIGNED_IN_PROBE, clerk.token()));

        Map<String, Object> disabled = api.expect(200, disable(merchant.admin(), clerk.username()));

        assertThat(disabled).containsEntry("username", clerk.username()).containsEntry("status", "DISABLED");
        api.expectProblem(401, api.get(SIGNED_IN_PROBE, clerk.token()));
        api.expectProblem(401, signIn(clerk));

        Map<String, Object> enabled = api.expect(200, enable(merchant.admin(), clerk.username()));

        assertThat(enabled).containsEntry("status", "ACTIVE");
        api.expectProblem(401, api.get(SIGNED_IN_PROBE, clerk.token()));
        String fresh = (String) api.expect(200, signIn(clerk)).get("accessToken");
        api.expect(200, api.get(SIGNED_IN_PROBE, fresh));
        assertThat(Rows.column(vitrine, "SELECT action FROM audit_events WHERE subject_type = 'staff' AND subject_id = "
                + "(SELECT id FROM staff_accounts WHERE username = ?) AND action LIKE 'STAFF_%' ORDER BY id", clerk.username()))
                .containsExactly("STAFF_DISABLED", "STAFF_ENABLED");
    }

    @Test
    void disabling_twice_changes_nothing_more_and_a_fresh_token_of_an_enabled_account_survives_a_second_enable() {
        Account clerk = newRetailerAdmin(merchant);
        api.expect(200, disable(merchant.admin(), clerk.username()));
        api.expect(200, disable(merchant.admin(), clerk.username()));
        api.expect(200, enable(merchant.admin(), clerk.username()));
        String fresh = (String) api.expect(200, signIn(clerk)).get("accessToken");

        api.expect(200, enable(merchant.admin(), clerk.username()));

        api.expect(200, api.get(SIGNED_IN_PROBE, fresh));
        assertThat(Rows.column(vitrine, "SELECT action FROM audit_events WHERE subject_type = 'staff' AND subject_id = "
                + "(SELECT id FROM staff_accounts WHERE username = ?) AND action LIKE 'STAFF_%'", clerk.username()))
                .containsExactlyInAnyOrder("STAFF_DISABLED", "STAFF_ENABLED");
    }

    @Test
    void another_tenants_staff_is_not_found_and_keeps_working() {
        api.expectProblem(404, disable(merchant.admin(), neighbour.admin().username()));
        api.expectProblem(404, enable(merchant.admin(), neighbour.admin().username()));
        api.expectProblem(404, disable(park.admin(), merchant.admin().username()));
        api.expectProblem(404, disable(merchant.admin(), "no-such-user-" + SampleCodes.unique("x")));

        api.expect(200, api.get(SIGNED_IN_PROBE, neighbour.admin().token()));
        api.expect(200, api.get(SIGNED_IN_PROBE, merchant.admin().token()));
    }

    @Test
    void an_admin_cannot_disable_their_own_account() {
        Map<String, Object> refusal = api.expectProblem(422, disable(merchant.admin(), merchant.admin().username()));

        assertThat(refusal).containsEntry("code", "CANNOT_DISABLE_SELF");
        api.expect(200, api.get(SIGNED_IN_PROBE, merchant.admin().token()));
    }

    @Test
    void the_platform_admin_disables_a_park_admin_and_no_merchant_staff() {
        Park other = api.park();
        String platform = api.platformAdminToken();

        api.expect(200, api.send("POST", "/api/v1/staff/" + other.admin().username() + "/disable", platform, null));
        api.expectProblem(404, api.send("POST", "/api/v1/staff/" + merchant.admin().username() + "/disable", platform, null));

        api.expectProblem(401, api.get(SIGNED_IN_PROBE, other.admin().token()));
        api.expect(200, api.get(SIGNED_IN_PROBE, merchant.admin().token()));
        api.expect(200, api.send("POST", "/api/v1/staff/" + other.admin().username() + "/enable", platform, null));
        api.expect(200, signIn(other.admin()));
    }

    @Test
    void signing_out_ends_the_presented_token_and_every_other_token_of_the_account() {
        Account clerk = newRetailerAdmin(merchant);
        String second = (String) api.expect(200, signIn(clerk)).get("accessToken");

        assertThat(api.send("POST", "/api/v1/auth/logout", clerk.token(), null).statusCode()).isEqualTo(204);

        api.expectProblem(401, api.get(SIGNED_IN_PROBE, clerk.token()));
        api.expectProblem(401, api.get(SIGNED_IN_PROBE, second));
        api.expectProblem(401, api.send("POST", "/api/v1/auth/logout", null, null));
        String fresh = (String) api.expect(200, signIn(clerk)).get("accessToken");
        api.expect(200, api.get(SIGNED_IN_PROBE, fresh));
    }

    @Test
    void a_suspended_tenants_tokens_and_sign_ins_are_refused_until_it_is_reinstated() {
        api.expect(200, api.get(SIGNED_IN_PROBE, neighbour.admin().token()));

        setStatus(neighbour.id(), "SUSPENDED");
        try {
            api.expectProblem(401, api.get(SIGNED_IN_PROBE, neighbour.admin().token()));
            api.expectProblem(401, signIn(neighbour.admin()));
            api.expect(200, api.get(SIGNED_IN_PROBE, merchant.admin().token()));
        } finally {
            setStatus(neighbour.id(), "ACTIVE");
        }
        api.expect(200, api.get(SIGNED_IN_PROBE, neighbour.admin().token()));
    }

    /** What the park's "suspend member" action does: the status, and the directory told in the same transaction. */
    @SuppressWarnings("unchecked")
    void setStatus(String tenant, String status) {
        TransactionOperations<Connection> transactions = vitrine.context().getBean(
                Argument.of(TransactionOperations.class, Connection.class));
        transactions.executeWrite(tx -> {
            try (PreparedStatement update = tx.getConnection().prepareStatement("UPDATE tenants SET status = ? WHERE id = ?")) {
                update.setString(1, status);
                update.setString(2, tenant);
                update.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            vitrine.bean(TenantDirectory.class).statusChanged(TenantId.of(tenant));
            return null;
        });
    }

    Account newRetailerAdmin(Merchant of) {
        String username = SampleCodes.unique("clerk");
        String password = "pw-" + username + "-0123456789";
        Map<String, Object> invited = api.expect(201, api.post("/api/v1/staff", of.admin().token(),
                Map.of("username", username, "role", "RETAILER_ADMIN")));
        api.expect(201, api.post("/api/v1/invitations/" + invited.get("invitationToken") + "/accept", null,
                Map.of("password", password)));
        return new Account(username, password, api.login(username, password));
    }

    java.net.http.HttpResponse<String> disable(Account admin, String username) {
        return api.send("POST", "/api/v1/staff/" + username + "/disable", admin.token(), null);
    }

    java.net.http.HttpResponse<String> enable(Account admin, String username) {
        return api.send("POST", "/api/v1/staff/" + username + "/enable", admin.token(), null);
    }

    java.net.http.HttpResponse<String> signIn(Account account) {
        return api.post("/api/v1/auth/login", null, Map.of("username", account.username(), "password", account.password()));
    }
}
