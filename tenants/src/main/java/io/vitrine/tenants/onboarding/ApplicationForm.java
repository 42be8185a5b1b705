package io.vitrine.tenants.onboarding;

import io.micronaut.core.annotation.Nullable;

/** A merchant's application as sent (api.md "Tenants and onboarding"); validated on submission. */
public record ApplicationForm(@Nullable String legalName,
                              @Nullable String uscc,
                              @Nullable String customsCode,
                              @Nullable String kind,
                              @Nullable String slug,
                              @Nullable String contactName,
                              @Nullable String contactPhone,
                              @Nullable String email) {

    @Override
    public String toString() {
        return "ApplicationForm[" + slug + "]"; // no contact data in logs
    }
}
