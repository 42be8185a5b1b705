package io.vitrine.tenants.onboarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.files.FileContent;
import io.vitrine.kernel.files.FileStorage;
import io.vitrine.kernel.privacy.PersonalDataCipher;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;
import io.vitrine.tenants.audit.AuditTrail;
import io.vitrine.tenants.parks.ParkAccess;
import io.vitrine.kernel.codes.CustomsRegistrationCode;
import io.vitrine.kernel.codes.UnifiedSocialCreditCode;
import io.vitrine.tenants.registry.NewTenant;
import io.vitrine.tenants.registry.Slug;
import io.vitrine.tenants.registry.Tenant;
import io.vitrine.tenants.registry.TenantRegistry;
import io.vitrine.tenants.staff.Invitations;
import io.vitrine.tenants.staff.IssuedInvitation;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The park admin's side of onboarding: the review queue, an application with its contact, documents
 * and history, and the decision. Only PARK_ADMINs of the park in the path; anyone else, and any
 * other park's application, gets 404. Approval creates the merchant tenant in the park and its first
 * RETAILER_ADMIN's invitation; rejection records the reason. Both are audited in their transaction.
 */
@Singleton
public class ApplicationReview {

    private final ParkAccess parks;
    private final TenantRegistry registry;
    private final MerchantApplicationRepository applications;
    private final ApplicationDocumentRepository documents;
    private final FileStorage files;
    private final Invitations invitations;
    private final PersonalDataCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;

    public ApplicationReview(ParkAccess parks, TenantRegistry registry, MerchantApplicationRepository applications,
                             ApplicationDocumentRepository documents, FileStorage files, Invitations invitations,
                             PersonalDataCipher cipher, AuditTrail audit, Clock clock) {
        this.parks = parks;
        this.registry = registry;
        this.applications = applications;
        this.documents = documents;
        this.files = files;
        this.invitations = invitations;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /** Oldest first, so the queue is worked in order; all statuses when {@code status} is null. */
    public Page<MerchantApplication> queue(Actor by, String parkSlug, @Nullable ApplicationStatus status, int page, int size) {
        Tenant park = parks.asAdmin(by, parkSlug);
        Pageable pageable = Pageable.from(page, size, Sort.of(Sort.Order.asc("submittedAt"), Sort.Order.asc("id")));
        return TenantContext.callAs(park.tenantId(), () -> status == null
                ? applications.findAll(pageable)
                : applications.findByStatus(status, pageable));
    }

    public ApplicationDetail detail(Actor by, String parkSlug, String applicationId) {
        Tenant park = parks.asAdmin(by, parkSlug);
        return TenantContext.callAs(park.tenantId(), () -> {
            MerchantApplication application = find(applicationId);
            ApplicationContact contact = new ApplicationContact(cipher.decrypt(application.contactNameEnc()),
                    cipher.decrypt(application.contactPhoneEnc()), cipher.decrypt(application.emailEnc()));
            return new ApplicationDetail(application, contact, documents.findByApplicationIdOrderById(application.id()),
                    audit.historyOf(park.tenantId(), "application", application.id()));
        });
    }

    public FileContent document(Actor by, String parkSlug, String applicationId, String documentId) {
        Tenant park = parks.asAdmin(by, parkSlug);
        return TenantContext.callAs(park.tenantId(), () -> {
            ApplicationDocument document = documents.findById(documentId)
                    .filter(d -> d.applicationId().equals(applicationId))
                    .orElseThrow(() -> new NotFoundException("No such document."));
            return files.open(park.tenantId(), document.fileId())
                    .orElseThrow(() -> new NotFoundException("No such document."));
        });
    }

    public ApprovedApplication approve(Actor by, String parkSlug, String applicationId) {
        Tenant park = parks.asAdmin(by, parkSlug);
        return TenantContext.callAs(park.tenantId(), () -> approveInPark(by, park, applicationId));
    }

    public MerchantApplication reject(Actor by, String parkSlug, String applicationId, @Nullable String reason) {
        Tenant park = parks.asAdmin(by, parkSlug);
        FieldChecks checks = new FieldChecks();
        String why = checks.text("reason", reason, 1000);
        checks.throwIfAny();
        return TenantContext.callAs(park.tenantId(), () -> rejectInPark(by, park, applicationId, why));
    }

    @Transactional
    ApprovedApplication approveInPark(Actor by, Tenant park, String applicationId) {
        MerchantApplication application = find(applicationId);
        application.requireOpen();
        Tenant merchant = registry.register(new NewTenant(application.kind(), new Slug(application.slug()),
                application.legalName(), application.legalName(), new UnifiedSocialCreditCode(application.uscc()),
                new CustomsRegistrationCode(application.customsCode()), park.customsPlace(), park.customsAreaCode(),
                park.tenantId()));
        Instant now = clock.instant();
        MerchantApplication approved = applications.update(application.approved(merchant.id(), by.staffId(), now));
        audit.record(by, park.tenantId(), "APPLICATION_APPROVED", "application", application.id(),
                "tenant " + merchant.id());
        audit.record(by, merchant.tenantId(), "TENANT_CREATED", "tenant", merchant.id(),
                merchant.kind() + " " + merchant.slug() + " in park " + park.slug());
        IssuedInvitation invitation = invitations.issue(by, merchant.tenantId(), StaffRole.RETAILER_ADMIN, List.of());
        return new ApprovedApplication(approved, merchant, invitation);
    }

    @Transactional
    MerchantApplication rejectInPark(Actor by, Tenant park, String applicationId, String reason) {
        MerchantApplication application = find(applicationId);
        MerchantApplication rejected = applications.update(application.rejected(reason, by.staffId(), clock.instant()));
        // the reason is the park's own text for the applicant; it stays out of the audit detail
        audit.record(by, park.tenantId(), "APPLICATION_REJECTED", "application", application.id(), null);
        return rejected;
    }

    private MerchantApplication find(String applicationId) {
        return applications.findById(applicationId).orElseThrow(() -> new NotFoundException("No such application."));
    }
}
