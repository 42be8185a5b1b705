package io.vitrine.api.tenants;

import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.tenants.settings.Settings;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static io.vitrine.api.tenants.OnboardingFlowSuite.fieldRules;
import static io.vitrine.api.tenants.TenantsApi.object;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedVitrine.class)
class TenantSettingsTest {

    private static final String PRIVATE_KEY = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC-test-private-key";

    private final RunningVitrine vitrine;
    private final TenantsApi api;

    TenantSettingsTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
    }

    @Test
    void secrets_are_write_only_and_stored_encrypted() {
        Merchant merchant = api.merchant(api.park());
        String token = merchant.admin().token();
        assertThat(object(api.expect(200, api.get("/api/v1/tenant/settings", token)), "freight")).containsEntry("flatFen", 0);

        Map<String, Object> saved = api.expect(200, api.put("/api/v1/tenant/settings", token, Map.of(
                "alipay", Map.of("appId", "2021000123456789", "appPrivateKey", PRIVATE_KEY, "alipayPublicKey", "MIIBIjAN-public"),
                "customs", Map.of("ebcCode", "4403160Z8T", "ebcName", "Merchant Co.", "signer", "zhang"),
                "freight", Map.of("flatFen", 1000, "freeAboveFen", 19900),
                "returnFreightPolicy", "BUYER_PAYS",
                "alertWebhookUrl", "https://hooks.example.cn/vitrine")));

        assertThat(object(saved, "alipay")).containsEntry("appPrivateKeySet", true).containsEntry("appAuthTokenSet", false)
                .doesNotContainKey("appPrivateKey");
        assertThat(api.get("/api/v1/tenant/settings", token).body()).doesNotContain(PRIVATE_KEY);
        assertThat(Rows.column(vitrine, "SELECT alipay_private_key_enc FROM tenant_settings WHERE tenant_id = ?", merchant.id()))
                .singleElement().satisfies(stored -> assertThat(stored).startsWith("v1:").doesNotContain(PRIVATE_KEY));
        assertThat(TenantContext.callAs(TenantId.of(merchant.id()), () -> vitrine.bean(Settings.class).alipayPrivateKey()))
                .contains(PRIVATE_KEY);

        // a later change without the secret keeps it
        Map<String, Object> again = api.expect(200, api.put("/api/v1/tenant/settings", token,
                Map.of("alipay", Map.of("appId", "2021000123456789"), "logisticsProvider", "SF")));
        assertThat(object(again, "alipay")).containsEntry("appPrivateKeySet", true);
        assertThat(again).containsEntry("logisticsProvider", "SF");
    }

    @Test
    void invalid_settings_name_field_and_rule_and_other_tenants_settings_stay_apart() {
        Merchant one = api.merchant(api.park());
        Merchant other = api.merchant(api.park());
        api.expect(200, api.put("/api/v1/tenant/settings", other.admin().token(), Map.of("logisticsProvider", "EMS")));

        Map<String, Object> problem = api.expectProblem(400, api.put("/api/v1/tenant/settings", one.admin().token(), Map.of(
                "customs", Map.of("ebcCode", "12"), "freight", Map.of("flatFen", -1), "alertWebhookUrl", "ftp://x")));

        assertThat(fieldRules(problem)).containsExactlyInAnyOrder("customs.ebcCode:ENTERPRISE_CODE_FORM",
                "freight.flatFen:NOT_NEGATIVE", "alertWebhookUrl:URL_FORM");
        assertThat(api.expect(200, api.get("/api/v1/tenant/settings", one.admin().token())).get("logisticsProvider")).isNull();
        assertThat(api.expect(200, api.get("/api/v1/tenant/settings", other.admin().token())))
                .containsEntry("logisticsProvider", "EMS");
    }

    @Test
    void the_offline_threshold_is_the_tenants_within_bounds_and_a_bad_one_changes_nothing() {
        Merchant merchant = api.merchant(api.park());
        String token = merchant.admin().token();
        assertThat(api.expect(200, api.get("/api/v1/tenant/settings", token)).get("deviceOfflineMinutes")).isNull();

        assertThat(api.expect(200, api.put("/api/v1/tenant/settings", token, Map.of("deviceOfflineMinutes", 30))))
                .containsEntry("deviceOfflineMinutes", 30);
        for (int bad : new int[]{4, 1441, 0, -10}) {
            Map<String, Object> problem = api.expectProblem(400, api.put("/api/v1/tenant/settings", token,
                    Map.of("deviceOfflineMinutes", bad, "logisticsProvider", "SF")));
            assertThat(fieldRules(problem)).as("%d minutes", bad)
                    .containsExactly("deviceOfflineMinutes:OFFLINE_MINUTES_RANGE");
        }
        Map<String, Object> kept = api.expect(200, api.get("/api/v1/tenant/settings", token));
        assertThat(kept).containsEntry("deviceOfflineMinutes", 30);
        assertThat(kept.get("logisticsProvider")).as("the refused replacement changed nothing").isNull();
        assertThat(api.expect(200, api.put("/api/v1/tenant/settings", token, Map.of("deviceOfflineMinutes", 1440))))
                .containsEntry("deviceOfflineMinutes", 1440);
        assertThat(api.expect(200, api.put("/api/v1/tenant/settings", token, Map.of("logisticsProvider", "SF")))
                .get("deviceOfflineMinutes")).as("a replacement without it: the platform's default again").isNull();
    }
}
