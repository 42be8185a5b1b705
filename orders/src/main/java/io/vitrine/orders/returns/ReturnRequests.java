package io.vitrine.orders.returns;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The returns tables (V36), in the current tenant; every call joins the caller's transaction. Implemented in
 * {@code infra}.
 */
public interface ReturnRequests {

    /** The return and its lines. */
    void insert(ReturnRequest request);

    Optional<ReturnRequest> find(String returnNo);

    /** Locks the return's row until the transaction ends. */
    Optional<ReturnRequest> lock(String returnNo);

    /** Writes status and decision where the version is still the one read (409 otherwise); answers it as written. */
    ReturnRequest update(ReturnRequest changed);

    /** Units each line of the order (by line number) has in returns that still claim them ({@link ReturnStatus}). */
    Map<Integer, Integer> claimedUnits(String orderId);

    /** The returns of the order (by its number), oldest first. */
    List<ReturnRequest> ofOrder(String orderNo);

    ReturnPage list(ReturnFilter filter, int page, int size);

    /**
     * Of every tenant (the expiry round's query, the one not filtered by the current tenant): returns still waiting
     * for their goods (REQUESTED, APPROVED, DECLARED, ACCEPTED) of goods released before {@code releasedBefore},
     * oldest release first, at most {@code limit}.
     */
    List<Waiting> waitingReleasedBefore(Instant releasedBefore, int limit);

    /** A return waiting for its goods, and whose it is. */
    record Waiting(TenantId tenant, String returnNo) {
    }

    /** @param storeCodes null for every store; otherwise only these (never empty) */
    record ReturnFilter(@Nullable ReturnStatus status, @Nullable List<String> storeCodes) {
    }

    record ReturnPage(List<ReturnRequest> items, long total) {
    }
}
