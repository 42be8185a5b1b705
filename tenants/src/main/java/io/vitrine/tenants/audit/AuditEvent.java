package io.vitrine.tenants.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.vitrine.kernel.time.UtcDatetimeText;

import java.time.Instant;

/**
 * One line of the audit trail: who did what to which subject, when. {@code tenantId} is the tenant
 * the event concerns (the park for its applications, the merchant for its stores); the table is
 * append-only and read through {@link AuditTrail}, which always filters by it.
 */
@MappedEntity("audit_events")
public record AuditEvent(@Id String id,
                         @Nullable String tenantId,
                         String actorId,
                         @Nullable String actorName,
                         @Nullable String actorRole,
                         String action,
                         String subjectType,
                         String subjectId,
                         @Nullable String detail,
                         @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant occurredAt) {
}
