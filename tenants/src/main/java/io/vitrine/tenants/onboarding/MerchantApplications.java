package io.vitrine.tenants.onboarding;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.codes.CustomsRegistrationCode;
import io.vitrine.kernel.codes.UnifiedSocialCreditCode;
import io.vitrine.kernel.error.BusinessRuleException;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.files.FileStorage;
import io.vitrine.kernel.files.StoredFile;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.privacy.BlindIndex;
import io.vitrine.kernel.privacy.PersonalDataCipher;
import io.vitrine.kernel.privacy.PersonalDataKind;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.BearerToken;
import io.vitrine.tenants.audit.AuditTrail;
import io.vitrine.tenants.parks.ParkAccess;
import io.vitrine.tenants.registry.Slug;
import io.vitrine.tenants.registry.Tenant;
import io.vitrine.tenants.registry.TenantKind;
import io.vitrine.tenants.registry.TenantRegistry;
import jakarta.inject.Singleton;

import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The applicant's side of onboarding (public endpoints): apply to a park, upload documents and read
 * the status with the application token. Everything runs as the park's tenant: the application
 * belongs to the park.
 */
@Singleton
public class MerchantApplications {

    static final String DOCUMENT_CATEGORY = "licence";
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{5,19}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private final ParkAccess parks;
    private final TenantRegistry registry;
    private final MerchantApplicationRepository applications;
    private final ApplicationDocumentRepository documents;
    private final FileStorage files;
    private final PersonalDataCipher cipher;
    private final BlindIndex blindIndex;
    private final AuditTrail audit;
    private final Ids ids;
    private final Clock clock;
    private final int maxDocuments;

    public MerchantApplications(ParkAccess parks, TenantRegistry registry, MerchantApplicationRepository applications,
                                ApplicationDocumentRepository documents, FileStorage files, PersonalDataCipher cipher,
                                BlindIndex blindIndex, AuditTrail audit, Ids ids, Clock clock,
                                @Value("${vitrine.onboarding.max-documents:10}") int maxDocuments) {
        this.parks = parks;
        this.registry = registry;
        this.applications = applications;
        this.documents = documents;
        this.files = files;
        this.cipher = cipher;
        this.blindIndex = blindIndex;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.maxDocuments = maxDocuments;
    }

    /**
     * Validates every field (400 naming each bad field and its rule), refuses a slug or USCC that a
     * tenant or another open application of this park has (409), then records the application.
     */
    public SubmittedApplication submit(String parkSlug, ApplicationForm form) {
        Tenant park = parks.open(parkSlug);
        FieldChecks checks = new FieldChecks();
        String legalName = checks.text("legalName", form.legalName(), 200);
        UnifiedSocialCreditCode uscc = checks.parse("uscc", form.uscc(), UnifiedSocialCreditCode::parse);
        CustomsRegistrationCode customsCode = checks.parse("customsCode", form.customsCode(), CustomsRegistrationCode::parse);
        TenantKind kind = checks.oneOf("kind", form.kind(), TenantKind.class);
        if (kind == TenantKind.PARK) {
            checks.fail("kind", "NOT_ONE_OF", "must be one of [RETAILER, IMPORTER, BRAND]");
        }
        Slug slug = checks.parse("slug", form.slug(), Slug::parse);
        String contactName = checks.text("contactName", form.contactName(), 100);
        String phone = checks.matching("contactPhone", form.contactPhone(), PHONE, "PHONE_FORM",
                "a phone number is 6-20 digits, optionally with +, spaces or hyphens");
        String email = checks.matching("email", form.email(), EMAIL, "EMAIL_FORM", "not an e-mail address");
        if (email != null && email.length() > 254) {
            checks.fail("email", "TOO_LONG", "at most 254 characters");
        }
        checks.throwIfAny();

        String token = BearerToken.generate();
        MerchantApplication saved = TenantContext.callAs(park.tenantId(), () -> record(park, new MerchantApplication(
                ids.nextId(), null, kind, slug.value(), legalName, uscc.value(), customsCode.value(),
                cipher.encrypt(contactName), cipher.encrypt(phone), blindIndex.of(PersonalDataKind.PHONE, phone),
                cipher.encrypt(email), BearerToken.hash(token), ApplicationStatus.SUBMITTED, null, null,
                clock.instant(), null, null)));
        return new SubmittedApplication(saved.id(), token, saved.status());
    }

    /** The application, for the applicant holding its token; 404 for a wrong token as for an unknown id. */
    public MerchantApplication forApplicant(String parkSlug, String applicationId, String token) {
        Tenant park = parks.open(parkSlug);
        return TenantContext.callAs(park.tenantId(), () -> withToken(applicationId, token));
    }

    public List<ApplicationDocument> documentsForApplicant(String parkSlug, String applicationId, String token) {
        Tenant park = parks.open(parkSlug);
        return TenantContext.callAs(park.tenantId(), () -> documents.findByApplicationIdOrderById(
                withToken(applicationId, token).id()));
    }

    /**
     * Stores a document through the kernel's FileStorage (category {@code licence}: its size and type
     * limits apply, a refusal is a {@code FileRejectedException}). Only while the application is open.
     */
    public ApplicationDocument upload(String parkSlug, String applicationId, String token, String filename,
                                      String contentType, InputStream content) {
        Tenant park = parks.open(parkSlug);
        return TenantContext.callAs(park.tenantId(), () -> {
            MerchantApplication application = withToken(applicationId, token);
            application.requireOpen();
            if (documents.countByApplicationId(application.id()) >= maxDocuments) {
                throw new BusinessRuleException("TOO_MANY_DOCUMENTS",
                        "An application takes at most " + maxDocuments + " documents.");
            }
            StoredFile file = files.store(park.tenantId(), DOCUMENT_CATEGORY, filename, contentType, content);
            return recordDocument(park, application, file);
        });
    }

    @Transactional
    MerchantApplication record(Tenant park, MerchantApplication application) {
        registry.requireFree(application.slug(), application.uscc());
        if (applications.existsBySlugAndStatus(application.slug(), ApplicationStatus.SUBMITTED)) {
            throw new ConflictException("An open application already asks for the slug '" + application.slug() + "'.");
        }
        if (applications.existsByUsccAndStatus(application.uscc(), ApplicationStatus.SUBMITTED)) {
            throw new ConflictException("An open application with this unified social credit code exists.");
        }
        MerchantApplication saved = applications.save(application);
        audit.record(Actor.applicant(saved.id()), park.tenantId(), "APPLICATION_SUBMITTED", "application", saved.id(),
                saved.kind() + " " + saved.slug());
        return saved;
    }

    @Transactional
    ApplicationDocument recordDocument(Tenant park, MerchantApplication application, StoredFile file) {
        ApplicationDocument document = documents.save(new ApplicationDocument(ids.nextId(), null, application.id(),
                file.id(), file.category(), file.filename(), file.contentType(), file.size(), file.storedAt()));
        audit.record(Actor.applicant(application.id()), park.tenantId(), "DOCUMENT_UPLOADED", "application",
                application.id(), file.category() + " " + file.contentType() + " " + file.size() + " bytes");
        return document;
    }

    private MerchantApplication withToken(String applicationId, String token) {
        return applications.findById(applicationId)
                .filter(application -> BearerToken.matches(token, application.tokenHash()))
                .orElseThrow(() -> new NotFoundException("No such application."));
    }
}
