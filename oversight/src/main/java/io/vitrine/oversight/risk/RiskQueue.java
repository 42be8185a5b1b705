package io.vitrine.oversight.risk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Set;

/**
 * The review queue (api.md {@code GET /api/v1/risk/flags?status=}): the flags of an explicit set of tenants — a
 * merchant's admins their own, a park's staff every member's (tenants' park membership decides the set). A flag
 * outside the set is the same 404 as none.
 */
@Singleton
public class RiskQueue {

    /** At most this many in a list. */
    public static final int LIMIT = 200;

    private final RiskFlags flags;

    RiskQueue(RiskFlags flags) {
        this.flags = flags;
    }

    /** Newest first, at most {@value #LIMIT}; any status when null. */
    @Transactional(readOnly = true)
    public List<RiskFlag> list(Set<TenantId> tenants, @Nullable FlagStatus status) {
        return flags.list(tenants, status, LIMIT);
    }

    @Transactional(readOnly = true)
    public RiskFlag get(Set<TenantId> tenants, String id) {
        return flags.find(tenants, id).orElseThrow(() -> new NotFoundException("No such risk flag."));
    }
}
