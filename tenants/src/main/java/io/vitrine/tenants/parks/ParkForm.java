package io.vitrine.tenants.parks;

import io.micronaut.core.annotation.Nullable;

/** A platform admin's request to create a park, as sent (validated by {@link ParkOnboarding}). */
public record ParkForm(@Nullable String slug,
                       @Nullable String name,
                       @Nullable String legalName,
                       @Nullable String uscc,
                       @Nullable String customsCode,
                       @Nullable String customsPlace,
                       @Nullable String customsAreaCode) {
}
