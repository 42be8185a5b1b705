package io.vitrine.kernel.tenancy;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.vitrine.kernel.testing.KernelContexts;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
@Requires(property = KernelContexts.FIXTURES, value = "true")
public interface TenantNoteRepository extends CrudRepository<TenantNote, String> {

    List<TenantNote> findByBody(String body);
}
