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
     * Creates an ACTIVE reservation unless the tenant already has one under this reference. An upsert, so that
     * two calls racing with the same reference queue on the row's exclusive lock (the second then finds the
     * first's row) rather than deadlock. Hand-written: the tenant is bound by the caller from the current tenant.
     */
    @Query("INSERT INTO stock_reservations (id, tenant_id, reference, status, expires_at, created_at) "
            + "VALUES (:id, :tenantId, :reference, 'ACTIVE', :expiresAt, :createdAt) "
            + "ON DUPLICATE KEY UPDATE reference = reference")
    void insertIfAbsent(String id, String tenantId, String reference, Instant expiresAt, Instant createdAt);

    StockReservation update(StockReservation reservation);
}
