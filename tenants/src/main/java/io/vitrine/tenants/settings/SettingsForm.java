package io.vitrine.tenants.settings;

import io.micronaut.core.annotation.Nullable;

/**
 * Settings as an admin sends them. Every plain field replaces the stored one. The two secrets
 * ({@code alipayPrivateKey}, {@code alipayAppAuthToken}) are kept when absent, replaced when given,
 * removed when empty.
 */
public record SettingsForm(@Nullable String alipayAppId,
                           @Nullable String alipayPrivateKey,
                           @Nullable String alipayPublicKey,
                           @Nullable String alipayAppAuthToken,
                           @Nullable String customsEbcCode,
                           @Nullable String customsEbcName,
                           @Nullable String customsSigner,
                           @Nullable Long freightFlatFen,
                           @Nullable Long freightFreeAboveFen,
                           @Nullable String returnFreightPolicy,
                           @Nullable String logisticsProvider,
                           @Nullable String alertWebhookUrl) {

    @Override
    public String toString() {
        return "SettingsForm[secrets hidden]";
    }
}
