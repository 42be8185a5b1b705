package io.vitrine.tenants.onboarding;

import io.vitrine.tenants.audit.AuditEvent;

import java.util.List;

/** What a reviewing park admin sees: the application, its contact, documents and history. */
public record ApplicationDetail(MerchantApplication application,
                                ApplicationContact contact,
                                List<ApplicationDocument> documents,
                                List<AuditEvent> history) {
}
