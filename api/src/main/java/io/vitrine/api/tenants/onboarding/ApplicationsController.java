package io.vitrine.api.tenants.onboarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.rules.SecurityRule;
import io.vitrine.api.idempotency.Idempotent;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.api.tenants.Listing;
import io.vitrine.api.tenants.registry.TenantView;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.files.FileContent;
import io.vitrine.tenants.onboarding.ApplicationForm;
import io.vitrine.tenants.onboarding.ApplicationReview;
import io.vitrine.tenants.onboarding.ApplicationStatus;
import io.vitrine.tenants.onboarding.ApprovedApplication;
import io.vitrine.tenants.onboarding.MerchantApplication;
import io.vitrine.tenants.onboarding.MerchantApplications;
import io.vitrine.tenants.onboarding.SubmittedApplication;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import static io.vitrine.api.tenants.onboarding.ApplicationViews.*;

/**
 * Merchant applications to a park (api.md "Tenants and onboarding"). The applicant's calls are public
 * and carry the application token ({@code X-Application-Token} header or {@code ?token=}); the review
 * calls are for the park's PARK_ADMINs. Another park's application answers 404 either way.
 */
@Controller("/api/v1/parks/{parkSlug}/applications")
@ExecuteOn(TaskExecutors.BLOCKING)
class ApplicationsController {

    static final String TOKEN_HEADER = "X-Application-Token";

    private final MerchantApplications applications;
    private final ApplicationReview review;

    ApplicationsController(MerchantApplications applications, ApplicationReview review) {
        this.applications = applications;
        this.review = review;
    }

    @Post
    @Idempotent
    @Status(HttpStatus.CREATED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    Submitted apply(@PathVariable String parkSlug, @Body ApplicationRequest request) {
        SubmittedApplication submitted = applications.submit(parkSlug, new ApplicationForm(request.legalName(),
                request.uscc(), request.customsCode(), request.kind(), request.slug(), request.contactName(),
                request.contactPhone(), request.email()));
        return new Submitted(submitted.applicationId(), submitted.applicationToken(), submitted.status().name());
    }

    /** Multipart field {@code file}; the licence category's size and type limits apply (413 / 400). */
    @Post(value = "/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA)
    @Idempotent
    @Status(HttpStatus.CREATED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    DocumentView upload(@PathVariable String parkSlug, @PathVariable String id,
                        @Nullable @Header(TOKEN_HEADER) String headerToken, @Nullable @QueryValue String token,
                        @Part("file") CompletedFileUpload file) {
        String applicationToken = requireToken(headerToken, token);
        String contentType = file.getContentType().map(MediaType::toString).orElse(MediaType.APPLICATION_OCTET_STREAM);
        try (InputStream content = file.getInputStream()) {
            return DocumentView.of(applications.upload(parkSlug, id, applicationToken, file.getFilename(), contentType, content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * With the application token: the applicant's view. Without it: the reviewing park admin's view, with
     * the contact, documents and history.
     */
    @Get("/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Object read(@PathVariable String parkSlug, @PathVariable String id,
                @Nullable @Header(TOKEN_HEADER) String headerToken, @Nullable @QueryValue String token,
                @Nullable Authentication caller) {
        String applicationToken = headerToken != null ? headerToken : token;
        if (applicationToken != null) {
            MerchantApplication application = applications.forApplicant(parkSlug, id, applicationToken);
            return ApplicantView.of(application, applications.documentsForApplicant(parkSlug, id, applicationToken));
        }
        return ReviewView.of(review.detail(StaffClaims.actorOf(requireSignedIn(caller)), parkSlug, id));
    }

    @Get("/{id}/documents/{documentId}")
    @Secured("PARK_ADMIN")
    HttpResponse<StreamedFile> document(@PathVariable String parkSlug, @PathVariable String id,
                                        @PathVariable String documentId, Authentication caller) {
        FileContent content = review.document(StaffClaims.actorOf(caller), parkSlug, id, documentId);
        return HttpResponse.ok(new StreamedFile(content.stream(), MediaType.of(content.file().contentType())))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"document\"");
    }

    @Get
    @Secured("PARK_ADMIN")
    Listing<Summary> queue(@PathVariable String parkSlug, @Nullable @QueryValue String status,
                           @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size,
                           Authentication caller) {
        Listing.checkPage(page, size);
        ApplicationStatus wanted = null;
        if (status != null && !status.isBlank()) {
            FieldChecks checks = new FieldChecks();
            wanted = checks.oneOf("status", status, ApplicationStatus.class);
            checks.throwIfAny();
        }
        return Listing.of(review.queue(StaffClaims.actorOf(caller), parkSlug, wanted, page, size), Summary::of);
    }

    @Post("/{id}/approve")
    @Idempotent
    @Secured("PARK_ADMIN")
    Approved approve(@PathVariable String parkSlug, @PathVariable String id, Authentication caller) {
        ApprovedApplication approved = review.approve(StaffClaims.actorOf(caller), parkSlug, id);
        return new Approved(TenantView.of(approved.merchant()), approved.adminInvitation().token(),
                china(approved.adminInvitation().invitation().expiresAt()), approved.application().id(),
                approved.application().status().name());
    }

    @Post("/{id}/reject")
    @Secured("PARK_ADMIN")
    Summary reject(@PathVariable String parkSlug, @PathVariable String id, @Body RejectRequest request,
                   Authentication caller) {
        return Summary.of(review.reject(StaffClaims.actorOf(caller), parkSlug, id, request.reason()));
    }

    private static String requireToken(@Nullable String header, @Nullable String query) {
        String token = header != null ? header : query;
        if (token == null || token.isBlank()) {
            throw new AuthorizationException(null); // 401: the token is the applicant's credential
        }
        return token;
    }

    private static Authentication requireSignedIn(@Nullable Authentication caller) {
        if (caller == null) {
            throw new AuthorizationException(null);
        }
        return caller;
    }
}
