package io.vitrine.api.tenants.settings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.tenants.settings.Settings;
import io.vitrine.tenants.settings.SettingsForm;
import io.vitrine.tenants.settings.TenantSettings;

/**
 * {@code GET/PUT /api/v1/tenant/settings} for the tenant's admins (api.md). Secrets are write-only: the
 * answer says whether one is set ({@code appPrivateKeySet}, {@code appAuthTokenSet}), never what it is.
 * {@code deviceOfflineMinutes} (5-1440, null: the platform's 10 minutes) is after how long without a sighting the
 * tenant's devices count as offline and are alerted (tenants README "Offline alerts").
 */
@Controller("/api/v1/tenant/settings")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"RETAILER_ADMIN", "PARK_ADMIN"})
class SettingsController {

    private final Settings settings;

    SettingsController(Settings settings) {
        this.settings = settings;
    }

    @Get
    SettingsView read() {
        return SettingsView.of(settings.current());
    }

    @Put
    SettingsView replace(@Body SettingsRequest request, Authentication caller) {
        Alipay alipay = request.alipay() == null ? new Alipay(null, null, null, null) : request.alipay();
        Customs customs = request.customs() == null ? new Customs(null, null, null) : request.customs();
        Freight freight = request.freight() == null ? new Freight(null, null) : request.freight();
        return SettingsView.of(settings.replace(StaffClaims.actorOf(caller), new SettingsForm(alipay.appId(),
                alipay.appPrivateKey(), alipay.alipayPublicKey(), alipay.appAuthToken(), customs.ebcCode(),
                customs.ebcName(), customs.signer(), freight.flatFen(), freight.freeAboveFen(),
                request.returnFreightPolicy(), request.logisticsProvider(), request.alertWebhookUrl(),
                request.deviceOfflineMinutes())));
    }

    @Serdeable
    record Alipay(@Nullable String appId, @Nullable String appPrivateKey, @Nullable String alipayPublicKey,
                  @Nullable String appAuthToken) {
        @Override
        public String toString() {
            return "Alipay[" + appId + "]";
        }
    }

    @Serdeable
    record Customs(@Nullable String ebcCode, @Nullable String ebcName, @Nullable String signer) {
    }

    @Serdeable
    record Freight(@Nullable Long flatFen, @Nullable Long freeAboveFen) {
    }

    @Serdeable
    record SettingsRequest(@Nullable Alipay alipay, @Nullable Customs customs, @Nullable Freight freight,
                           @Nullable String returnFreightPolicy, @Nullable String logisticsProvider,
                           @Nullable String alertWebhookUrl, @Nullable Integer deviceOfflineMinutes) {
    }

    @Serdeable
    record AlipayView(@Nullable String appId, boolean appPrivateKeySet, @Nullable String alipayPublicKey,
                      boolean appAuthTokenSet) {
    }

    @Serdeable
    record SettingsView(AlipayView alipay, Customs customs, Freight freight, @Nullable String returnFreightPolicy,
                        @Nullable String logisticsProvider, @Nullable String alertWebhookUrl,
                        @Nullable Integer deviceOfflineMinutes) {
        static SettingsView of(TenantSettings s) {
            return new SettingsView(
                    new AlipayView(s.alipayAppId(), s.hasAlipayPrivateKey(), s.alipayPublicKey(), s.hasAlipayAuthToken()),
                    new Customs(s.customsEbcCode(), s.customsEbcName(), s.customsSigner()),
                    new Freight(s.freightFlatFen(), s.freightFreeAboveFen()),
                    s.returnFreightPolicy() == null ? null : s.returnFreightPolicy().name(),
                    s.logisticsProvider(), s.alertWebhookUrl(), s.deviceOfflineMinutes());
        }
    }
}
