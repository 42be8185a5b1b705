package io.vitrine.oversight.risk;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.customs.declaration.DeclarationQueries;
import io.vitrine.customs.declaration.DeclarationStatus;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.returns.ReturnRequests;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each member's {@link ComplianceScore}, for the park (and a merchant its own): declarations opened and rejected in
 * the last {@value #DAYS} days (customs' declaration queries), returns requested (orders' returns, in the member's
 * tenant; every one so far, that list having no date filter) and risk flags raised in the same days.
 */
@Singleton
public class ComplianceScores {

    public static final int DAYS = 90;

    private final DeclarationQueries declarations;
    private final ReturnRequests returns;
    private final RiskFlags flags;
    private final Clock clock;

    ComplianceScores(DeclarationQueries declarations, ReturnRequests returns, RiskFlags flags, Clock clock) {
        this.declarations = declarations;
        this.returns = returns;
        this.flags = flags;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ComplianceScore> of(Collection<TenantId> tenants) {
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofDays(DAYS));
        Map<TenantId, Integer> flagged = flags.countsSince(Set.copyOf(tenants), from);
        return tenants.stream().map(tenant -> {
            Map<DeclarationStatus, Long> counts = declarations.countsByStatus(Set.of(tenant), from, to);
            long declared = counts.values().stream().mapToLong(Long::longValue).sum();
            long returned = TenantContext.callAs(tenant, () -> returns.list(
                    new ReturnRequests.ReturnFilter(null, null), 0, 1).total());
            return ComplianceScore.of(tenant, declared, counts.getOrDefault(DeclarationStatus.REJECTED, 0L), returned,
                    flagged.getOrDefault(tenant, 0));
        }).toList();
    }
}
