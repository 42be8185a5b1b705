package io.vitrine.catalog.categories.infra;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.vitrine.catalog.categories.CategoryRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface JdbcCategoryRepository extends CategoryRepository {

    /** Across tenants on purpose: the categories are the platform's, and no tenant's product may lose its own. */
    @Override
    @Query("SELECT DISTINCT category_path FROM products")
    List<String> findPathsInUse();
}
