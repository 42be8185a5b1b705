package io.vitrine.api.customs;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.customs.declaration.SentMessageArchive;

/**
 * {@code GET /api/v1/declarations/{orderNo}/messages/{guid}}: the exact signed XML of a message as it was sent, for
 * audit, to the merchant's RETAILER_ADMINs and its park's PARK_ADMINs and CUSTOMS_OFFICERs ({@link DeclarationScopes});
 * every read is an audit event ({@code DECLARATION_XML_READ}) written in the same request. Unknown guid, another
 * order's, another tenant's: 404; a message stored but not sent yet: 409 (the unsigned draft is never shown).
 */
@Controller("/api/v1/declarations/{orderNo}/messages")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"RETAILER_ADMIN", "PARK_ADMIN", "CUSTOMS_OFFICER"})
@Tag(name = "Declarations")
class DeclarationMessagesController {

    private final SentMessageArchive archive;
    private final DeclarationScopes scopes;

    DeclarationMessagesController(SentMessageArchive archive, DeclarationScopes scopes) {
        this.archive = archive;
        this.scopes = scopes;
    }

    @Get("/{guid}")
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "The signed XML of a sent message, exactly as sent (audited)",
            description = "Each read is audited. Unknown or another tenant's: 404; not sent yet: 409.")
    HttpResponse<byte[]> signedXml(Authentication caller, @PathVariable String orderNo, @PathVariable String guid) {
        DeclarationScopes.Scope scope = scopes.of(caller, null);
        byte[] xml = archive.signedXml(scope.actor(), scope.ids(), orderNo, guid);
        return HttpResponse.ok(xml).contentType(MediaType.APPLICATION_XML_TYPE)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
    }
}
