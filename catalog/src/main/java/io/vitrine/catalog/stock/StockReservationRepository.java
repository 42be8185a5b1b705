package io.vitrine.catalog.stock;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

/** The current tenant's reservations: generated queries are filtered by it. Implemented in {@code infra}. */
public interface StockReservationRepository extends GenericRepository<StockReservation, String> {

    Optional<StockReservation> findByReference(String reference);

    /** Locks the reservation: its changes (release, expiry, commit) happen one at a time. */
    Optional<StockReservation> findByReferenceForUpdate(String reference);

    /**
     * Creates an ACTIVE reservation unless the tenant already has one under this reference: 1 when this call
     * created it (and holds its row's exclusive lock), 0 when the reference was taken. A call racing one that holds
     * the reference waits for it to end, then finds the row; it only reads that row afterwards (never locks it for
     * update), so any number of such calls cannot deadlock on the shared lock the duplicate leaves them.
     * Hand-written: the tenant is bound by the caller from the current tenant.
     */
    @Query("INSERT IGNORE INTO stock_reservations (id, tenant_id, reference, status, expires_at, created_at) "
            + "VALUES (:id, :tenantId, :reference, 'ACTIVE', :expiresAt, :createdAt)")
    int insertIfAbsent(String id, String tenantId, String reference, Instant expiresAt, Instant createdAt);

    StockReservation update(StockReservation reservation);
}
