package io.vitrine.api.console.park;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import io.vitrine.api.console.ChinaTimeText;
import io.vitrine.api.console.ConsoleLinks;
import io.vitrine.api.console.ConsolePage;
import io.vitrine.api.console.FormErrors;
import io.vitrine.api.console.OneTimeForms;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.files.FileContent;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.onboarding.ApplicationDetail;
import io.vitrine.tenants.onboarding.ApplicationReview;
import io.vitrine.tenants.onboarding.ApprovedApplication;

import java.util.Map;

/**
 * {@code /console/park/applications/{id}}: one application under review — the applicant's fields and
 * contact, its documents (viewed in the browser or downloaded), its history — and the decision. Approving
 * shows the new tenant and its admin's invitation this once; rejecting needs a reason. Another park's
 * application is the 404 page.
 */
@Controller("/console/park/applications/{id}")
@Secured("PARK_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Hidden
final class ApplicationReviewPage {

    private final ApplicationReview review;
    private final OwnPark ownPark;
    private final HttpHostResolver host;
    private final OneTimeForms forms;

    ApplicationReviewPage(ApplicationReview review, OwnPark ownPark, HttpHostResolver host, OneTimeForms forms) {
        this.review = review;
        this.ownPark = ownPark;
        this.host = host;
        this.forms = forms;
    }

    @Get
    HttpResponse<?> show(@PathVariable String id, @Nullable @QueryValue String rejected, Authentication caller) {
        return page(HttpStatus.OK, id, caller, Map.of(), null, rejected != null);
    }

    /** Shown in the browser ({@code inline}) unless {@code ?download}; only PDF, PNG and JPEG were accepted. */
    @Get("/documents/{documentId}")
    @Produces(MediaType.ALL)
    HttpResponse<StreamedFile> document(@PathVariable String id, @PathVariable String documentId,
                                        @Nullable @QueryValue String download, Authentication caller) {
        Actor admin = StaffClaims.actorOf(caller);
        FileContent content = review.document(admin, ownPark.of(admin).slug(), id, documentId);
        String disposition = (download == null ? "inline" : "attachment")
                + "; filename*=UTF-8''" + ConsoleLinks.encode(content.file().filename()).replace("+", "%20");
        return HttpResponse.ok(new StreamedFile(content.stream(), MediaType.of(content.file().contentType())))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition)
                // the type was sniffed from the bytes at upload: the browser must not guess another
                .header("X-Content-Type-Options", "nosniff");
    }

    @Post(value = "/approve", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> approve(HttpRequest<?> request, @PathVariable String id,
                            @Nullable @Body(OneTimeForms.FIELD) String formToken, Authentication caller) {
        return forms.once(request, caller, formToken, id, () -> approveOnce(request, id, caller));
    }

    private HttpResponse<?> approveOnce(HttpRequest<?> request, String id, Authentication caller) {
        Actor admin = StaffClaims.actorOf(caller);
        ApprovedApplication approved = review.approve(admin, ownPark.of(admin).slug(), id);
        String token = approved.adminInvitation().token();
        return ConsolePage.showOnce("park/approved", ConsolePage.model(caller,
                "merchant", approved.merchant(),
                "applicationId", id,
                "invitationToken", token,
                "invitationUrl", host.resolve(request) + "/console/invitations/" + token,
                "invitationExpiresAt", ChinaTimeText.of(approved.adminInvitation().invitation().expiresAt())));
    }

    @Post(value = "/reject", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> reject(HttpRequest<?> request, @PathVariable String id, @Body RejectForm form,
                           Authentication caller) {
        Actor admin = StaffClaims.actorOf(caller);
        try {
            review.reject(admin, ownPark.of(admin).slug(), id, form.reason());
        } catch (InvalidInputException invalid) {
            return page(HttpStatus.BAD_REQUEST, id, caller, FormErrors.of(invalid, request), form.reason(), false);
        }
        return ConsoleLinks.seeOther(request, "/console/park/applications/" + id + "?rejected=1");
    }

    private HttpResponse<?> page(HttpStatus status, String id, Authentication caller, Map<String, String> errors,
                                 @Nullable String reason, boolean rejected) {
        Actor admin = StaffClaims.actorOf(caller);
        ApplicationDetail detail = review.detail(admin, ownPark.of(admin).slug(), id);
        return ConsolePage.render(status, "park/application", ConsolePage.model(caller,
                "application", ApplicationRow.of(detail.application()),
                "open", detail.application().isOpen(),
                "contact", detail.contact(),
                "documents", detail.documents().stream().map(DocumentRow::of).toList(),
                "history", detail.history().stream().map(HistoryRow::of).toList(),
                "errors", errors,
                "reason", reason,
                "rejected", rejected));
    }

    @Serdeable
    record RejectForm(@Nullable String reason) {
    }
}
