package io.vitrine.tenants.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/**
 * Records who did what, when (issue #3 "every step in an audit trail"). {@link #record} joins the
 * caller's transaction, so the event and the change it describes commit or roll back together.
 * Details never carry personal data or secrets.
 */
@Singleton
public class AuditTrail {

    private final AuditEventRepository events;
    private final Ids ids;
    private final Clock clock;

    public AuditTrail(AuditEventRepository events, Ids ids, Clock clock) {
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public AuditEvent record(Actor actor, @Nullable TenantId concerning, String action, String subjectType,
                             String subjectId, @Nullable String detail) {
        return events.save(new AuditEvent(ids.nextId(),
                concerning == null ? null : concerning.value(),
                actor.id(), actor.name(), actor.role() == null ? null : actor.role().name(),
                action, subjectType, subjectId, detail, clock.instant()));
    }

    /**
     * The same action on many subjects (a bulk import's products), one entry each, written in one batched
     * statement within the caller's transaction.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void recordAll(Actor actor, @Nullable TenantId concerning, String action, String subjectType,
                          List<String> subjectIds) {
        if (subjectIds.isEmpty()) {
            return;
        }
        java.time.Instant now = clock.instant();
        events.saveAll(subjectIds.stream().map(subjectId -> new AuditEvent(ids.nextId(),
                concerning == null ? null : concerning.value(),
                actor.id(), actor.name(), actor.role() == null ? null : actor.role().name(),
                action, subjectType, subjectId, null, now)).toList());
    }

    /** The history of one subject (an application, a store...) within one tenant, oldest first. */
    @Transactional(readOnly = true)
    public List<AuditEvent> historyOf(TenantId tenant, String subjectType, String subjectId) {
        return events.findByTenantIdAndSubjectTypeAndSubjectIdOrderById(tenant.value(), subjectType, subjectId);
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> of(TenantId tenant) {
        return events.findByTenantIdOrderById(tenant.value());
    }
}
