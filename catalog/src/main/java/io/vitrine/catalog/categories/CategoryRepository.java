package io.vitrine.catalog.categories;

import io.micronaut.data.repository.CrudRepository;

import java.util.List;

/** The list (platform-wide); implemented in {@code infra}. */
public interface CategoryRepository extends CrudRepository<Category, String> {

    List<Category> listOrderByDisplayOrder();

    /** Every category path some tenant's product has, across all tenants (a replacement must keep them). */
    List<String> findPathsInUse();
}
