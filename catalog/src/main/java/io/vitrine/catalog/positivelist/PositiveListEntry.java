package io.vitrine.catalog.positivelist;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * One HS code on the positive list (正面清单): goods under it may be sold as cross-border retail imports.
 * Platform-wide, no tenant (architecture.md "Tenancy").
 *
 * @param description what the list says the code covers
 * @param note        the list's remarks (conditions, exclusions)
 */
@MappedEntity("positive_list")
public record PositiveListEntry(@Id String hsCode, @Nullable String description, @Nullable String note) {
}
