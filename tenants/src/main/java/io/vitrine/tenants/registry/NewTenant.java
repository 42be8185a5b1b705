package io.vitrine.tenants.registry;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.codes.CustomsRegistrationCode;
import io.vitrine.kernel.codes.UnifiedSocialCreditCode;
import io.vitrine.kernel.tenancy.TenantId;

/** A tenant about to be registered, every field already validated. */
public record NewTenant(TenantKind kind,
                        Slug slug,
                        String name,
                        String legalName,
                        UnifiedSocialCreditCode uscc,
                        CustomsRegistrationCode customsCode,
                        @Nullable String customsPlace,
                        @Nullable String customsAreaCode,
                        @Nullable TenantId park) {
}
