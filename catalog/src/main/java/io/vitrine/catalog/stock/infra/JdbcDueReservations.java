package io.vitrine.catalog.stock.infra;

import io.micronaut.data.annotation.WithoutTenantId;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.vitrine.catalog.stock.DueReservations;
import io.vitrine.catalog.stock.ReservationStatus;
import io.vitrine.catalog.stock.StockReservation;

import java.time.Instant;
import java.util.List;

/** The one query over every tenant's reservations: which are due to expire. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface JdbcDueReservations extends GenericRepository<StockReservation, String>, DueReservations {

    @WithoutTenantId
    List<StockReservation> findByStatusAndExpiresAtLessThanEqualsOrderByExpiresAt(ReservationStatus status,
                                                                                  Instant expiresAt, Pageable pageable);

    @Override
    default List<Due> dueAt(Instant now, int limit) {
        return findByStatusAndExpiresAtLessThanEqualsOrderByExpiresAt(ReservationStatus.ACTIVE, now,
                Pageable.from(0, limit)).stream().map(r -> new Due(r.tenantId(), r.reference())).toList();
    }
}
