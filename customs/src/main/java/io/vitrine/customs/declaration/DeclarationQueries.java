package io.vitrine.customs.declaration;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads of the declaration tables over an explicit set of tenants (a merchant's own, or every member of a park):
 * the consoles' lists, one declaration, one message, and the monitor's aggregates. Kept apart from
 * {@link DeclarationStore} (the write path's port). Every query filters by the tenant ids it is given; an empty set
 * finds nothing. Every call joins the caller's transaction. Implemented in {@code infra}.
 */
public interface DeclarationQueries {

    /** Newest first; {@code status} and {@code orderNo} null for any. */
    List<Declaration> list(Set<TenantId> tenants, @Nullable DeclarationStatus status, @Nullable String orderNo,
                           int limit);

    Optional<Declaration> find(Set<TenantId> tenants, String orderNo);

    /** The message {@code guid} of that order, when the order's tenant is one of {@code tenants}. */
    Optional<DeclarationMessage> message(Set<TenantId> tenants, String orderNo, String guid);

    /** How many declarations opened in [from, to) stand in each status (statuses with none left out). */
    Map<DeclarationStatus, Long> countsByStatus(Set<TenantId> tenants, Instant from, Instant to);

    /** The declaration not in a final status that has waited longest since it last moved (oldest updated_at). */
    Optional<Declaration> oldestStuck(Set<TenantId> tenants, Set<DeclarationStatus> finalStatuses);

    /**
     * Clearance times, in seconds from the declaration's opening (the order paid) to customs' release (the first
     * 800 receipt's returnTime), of the declarations released in [from, to): their count and mean.
     */
    ClearanceSummary clearance(Set<TenantId> tenants, Instant from, Instant to);

    /** The clearance time at {@code index} (0-based) of those of {@link #clearance} sorted ascending. */
    OptionalLong clearanceAt(Set<TenantId> tenants, Instant from, Instant to, long index);

    /** @param averageSeconds null when {@code count} is 0 */
    record ClearanceSummary(long count, @Nullable Double averageSeconds) {
    }
}
