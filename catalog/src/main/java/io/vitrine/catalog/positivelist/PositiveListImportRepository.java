package io.vitrine.catalog.positivelist;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

/** Replacements of the list (platform-wide: no tenant filter applies); implemented in {@code infra}. */
public interface PositiveListImportRepository extends CrudRepository<PositiveListImport, String> {

    /** The list's current version: the newest import's id (ids are time-ordered). */
    @Query("SELECT id FROM positive_list_imports ORDER BY id DESC LIMIT 1")
    Optional<String> findLatestId();
}
