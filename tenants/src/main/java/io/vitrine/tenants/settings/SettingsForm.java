package io.vitrine.tenants.settings;

import io.micronaut.core.annotation.Nullable;

/**
 * Settings as an admin sends them. Every plain field replaces the stored one. The two secrets
 * ({@code alipayPrivateKey}, {@code alipayAppAuthToken}) are kept when absent, replaced when given,
 * removed when empty. {@code deviceOfflineMinutes}: {@value Settings#MIN_OFFLINE_MINUTES} to
 * {@value Settings#MAX_OFFLINE_MINUTES}, or null for the platform's default.
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
                           @Nullable String alertWebhookUrl,
                           @Nullable Integer deviceOfflineMinutes) {

    /** Without the offline threshold (the platform's default applies). */
    public SettingsForm(@Nullable String alipayAppId, @Nullable String alipayPrivateKey,
                        @Nullable String alipayPublicKey, @Nullable String alipayAppAuthToken,
                        @Nullable String customsEbcCode, @Nullable String customsEbcName,
                        @Nullable String customsSigner, @Nullable Long freightFlatFen,
                        @Nullable Long freightFreeAboveFen, @Nullable String returnFreightPolicy,
                        @Nullable String logisticsProvider, @Nullable String alertWebhookUrl) {
        this(alipayAppId, alipayPrivateKey, alipayPublicKey, alipayAppAuthToken, customsEbcCode, customsEbcName,
                customsSigner, freightFlatFen, freightFreeAboveFen, returnFreightPolicy, logisticsProvider,
                alertWebhookUrl, null);
    }

    @Override
    public String toString() {
        return "SettingsForm[secrets hidden]";
    }
}
