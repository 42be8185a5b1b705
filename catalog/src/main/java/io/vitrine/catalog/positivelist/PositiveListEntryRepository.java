package io.vitrine.catalog.positivelist;

import io.micronaut.data.repository.CrudRepository;

/** The list's entries (platform-wide); implemented in {@code infra}. */
public interface PositiveListEntryRepository extends CrudRepository<PositiveListEntry, String> {
}
