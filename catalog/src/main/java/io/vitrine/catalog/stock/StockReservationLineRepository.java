package io.vitrine.catalog.stock;

import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** Lines of the current tenant's reservations. Implemented in {@code infra}. */
public interface StockReservationLineRepository extends GenericRepository<StockReservationLine, String> {

    List<StockReservationLine> saveAll(Iterable<StockReservationLine> lines);

    List<StockReservationLine> findByReservationIdOrderByLineNo(String reservationId);
}
