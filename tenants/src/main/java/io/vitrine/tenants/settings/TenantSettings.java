package io.vitrine.tenants.settings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.vitrine.kernel.time.UtcDatetimeText;

import java.time.Instant;

/**
 * A tenant's settings (api.md): its Alipay app (the merchant's own, or the platform as ISV with the
 * merchant's app_auth_token), customs codes and signer, freight, return freight, logistics provider and
 * alert webhook, and after how many minutes without a sighting its devices count as offline and are alerted
 * ({@code deviceOfflineMinutes}, null: the platform's {@code vitrine.devices.online-window}). The private key and the app auth token are kept encrypted ({@code PersonalDataCipher})
 * and never read back through the API.
 */
@MappedEntity("tenant_settings")
public record TenantSettings(@Id String id,
                             @TenantId @Nullable String tenantId,
                             @Nullable String alipayAppId,
                             @Nullable String alipayPrivateKeyEnc,
                             @Nullable String alipayPublicKey,
                             @Nullable String alipayAuthTokenEnc,
                             @Nullable String customsEbcCode,
                             @Nullable String customsEbcName,
                             @Nullable String customsSigner,
                             @Nullable Long freightFlatFen,
                             @Nullable Long freightFreeAboveFen,
                             @Nullable ReturnFreightPolicy returnFreightPolicy,
                             @Nullable String logisticsProvider,
                             @Nullable String alertWebhookUrl,
                             @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant updatedAt,
                             @Nullable String updatedBy,
                             @Nullable Integer deviceOfflineMinutes) {

    public boolean hasAlipayPrivateKey() {
        return alipayPrivateKeyEnc != null;
    }

    public boolean hasAlipayAuthToken() {
        return alipayAuthTokenEnc != null;
    }

    @Override
    public String toString() {
        return "TenantSettings[" + tenantId + "]"; // never the encrypted secrets either
    }
}
