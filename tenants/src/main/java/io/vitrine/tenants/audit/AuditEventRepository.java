package io.vitrine.tenants.audit;

import io.micronaut.data.repository.CrudRepository;

import java.util.List;

/** The audit trail's rows; implemented in {@code infra}. Reads always name the tenant. */
public interface AuditEventRepository extends CrudRepository<AuditEvent, String> {

    List<AuditEvent> findByTenantIdAndSubjectTypeAndSubjectIdOrderById(String tenantId, String subjectType, String subjectId);

    List<AuditEvent> findByTenantIdOrderById(String tenantId);
}
