package io.vitrine.api.tenants.onboarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.api.tenants.registry.TenantView;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.tenants.audit.AuditEvent;
import io.vitrine.tenants.onboarding.ApplicationDetail;
import io.vitrine.tenants.onboarding.ApplicationDocument;
import io.vitrine.tenants.onboarding.MerchantApplication;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** The JSON shapes of the onboarding endpoints. */
final class ApplicationViews {

    private ApplicationViews() {
    }

    @Nullable
    static OffsetDateTime china(@Nullable Instant instant) {
        return instant == null ? null : instant.atZone(ChinaTime.ZONE).toOffsetDateTime();
    }

    @Serdeable
    record ApplicationRequest(@Nullable String legalName, @Nullable String uscc, @Nullable String customsCode,
                              @Nullable String kind, @Nullable String slug, @Nullable String contactName,
                              @Nullable String contactPhone, @Nullable String email) {
        @Override
        public String toString() {
            return "ApplicationRequest[" + slug + "]";
        }
    }

    @Serdeable
    record Submitted(String applicationId, String applicationToken, String status) {
    }

    @Serdeable
    record RejectRequest(@Nullable String reason) {
    }

    @Serdeable
    record DocumentView(String documentId, String category, String filename, String contentType, long size,
                        OffsetDateTime uploadedAt) {
        static DocumentView of(ApplicationDocument d) {
            return new DocumentView(d.id(), d.category(), d.filename(), d.contentType(), d.sizeBytes(), china(d.uploadedAt()));
        }
    }

    /** What the applicant reads with the token: no contact data, no reviewer. */
    @Serdeable
    record ApplicantView(String applicationId, String status, String kind, String slug, String legalName,
                         OffsetDateTime submittedAt, @Nullable OffsetDateTime decidedAt, @Nullable String rejectReason,
                         List<DocumentView> documents) {
        static ApplicantView of(MerchantApplication a, List<ApplicationDocument> documents) {
            return new ApplicantView(a.id(), a.status().name(), a.kind().name(), a.slug(), a.legalName(),
                    china(a.submittedAt()), china(a.decidedAt()), a.rejectReason(),
                    documents.stream().map(DocumentView::of).toList());
        }
    }

    /** One line of the review queue. */
    @Serdeable
    record Summary(String applicationId, String status, String kind, String slug, String legalName, String uscc,
                   String customsCode, OffsetDateTime submittedAt, @Nullable OffsetDateTime decidedAt,
                   @Nullable String merchantId) {
        static Summary of(MerchantApplication a) {
            return new Summary(a.id(), a.status().name(), a.kind().name(), a.slug(), a.legalName(), a.uscc(),
                    a.customsCode(), china(a.submittedAt()), china(a.decidedAt()), a.merchantId());
        }
    }

    @Serdeable
    record Contact(String name, String phone, String email) {
    }

    @Serdeable
    record HistoryEntry(String action, String actor, @Nullable String actorRole, @Nullable String detail,
                        OffsetDateTime at) {
        static HistoryEntry of(AuditEvent e) {
            return new HistoryEntry(e.action(), e.actorName() != null ? e.actorName() : e.actorId(), e.actorRole(),
                    e.detail(), china(e.occurredAt()));
        }
    }

    /** What the reviewing park admin reads. */
    @Serdeable
    record ReviewView(Summary application, @Nullable String rejectReason, Contact contact,
                      List<DocumentView> documents, List<HistoryEntry> history) {
        static ReviewView of(ApplicationDetail detail) {
            MerchantApplication a = detail.application();
            return new ReviewView(Summary.of(a), a.rejectReason(),
                    new Contact(detail.contact().name(), detail.contact().phone(), detail.contact().email()),
                    detail.documents().stream().map(DocumentView::of).toList(),
                    detail.history().stream().map(HistoryEntry::of).toList());
        }
    }

    @Serdeable
    record Approved(TenantView tenant, String invitationToken, OffsetDateTime invitationExpiresAt,
                    String applicationId, String status) {
    }
}
