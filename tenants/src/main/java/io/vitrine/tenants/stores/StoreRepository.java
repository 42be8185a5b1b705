package io.vitrine.tenants.stores;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The current tenant's stores: every generated query is filtered by it. Implemented in {@code infra}. */
public interface StoreRepository extends CrudRepository<Store, String> {

    Optional<Store> findByCode(String code);

    boolean existsByCode(String code);

    Page<Store> findAll(Pageable pageable);

    Page<Store> findByCodeIn(Collection<String> codes, Pageable pageable);

    long countByCodeIn(Collection<String> codes);

    /** SELECT ... FOR UPDATE: an import's batch holds its stores until it commits. */
    List<Store> findByCodeInForUpdate(Collection<String> codes);
}
