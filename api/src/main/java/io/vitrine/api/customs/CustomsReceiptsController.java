package io.vitrine.api.customs;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.customs.declaration.InboundReceipts;
import io.vitrine.customs.messages.CebReader;
import io.vitrine.customs.xml.XmlRejectedException;
import io.vitrine.kernel.error.InvalidInputException;

/**
 * {@code POST /api/v1/customs/receipts} (api.md, HTTP channel): customs or the e-port pushes a receipt (CEB312/622/
 * 624/626) or a tax bill (CEB816), DXP-wrapped or bare, as the XML body. The caller is authenticated by
 * {@link CustomsCaller}; the body is read by the module's XXE-safe, size-limited reader and recorded through the same
 * path as received files ({@link InboundReceipts}), so the same message twice records nothing new and is answered
 * 200 both times. Answers: 200 {@code {type, guid, recorded, repeated, unknown}} — a body that is neither a receipt
 * nor a bill is counted in {@code unknown}, logged, and not recorded (200, not an error: customs must not retry it);
 * 400 problem+json for what cannot be read (field {@code body}, the reader's rule), nothing recorded; 401 without the
 * secret; 413 past {@link CebReader#DEFAULT_MAX_BYTES}. Open only with {@link HttpReceiptsEnabled}.
 */
@Controller("/api/v1/customs/receipts")
@Requires(condition = HttpReceiptsEnabled.class)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Customs exchange")
class CustomsReceiptsController {

    private final CustomsCaller caller;
    private final InboundReceipts receipts;

    CustomsReceiptsController(CustomsCaller caller, InboundReceipts receipts) {
        this.caller = caller;
        this.receipts = receipts;
    }

    @Post
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "A receipt or tax bill pushed by customs (HTTP channel)",
            description = "Header X-Customs-Token: the shared secret. Body: DXP envelope or bare CEB XML, at most 8 MiB.")
    Outcome receive(@Nullable @Header(CustomsCaller.HEADER) String token,
                    @Nullable @Header("Content-Length") Long length, @Body byte[] body) {
        caller.authenticate(token);
        if ((length != null && length > CebReader.DEFAULT_MAX_BYTES) || body.length > CebReader.DEFAULT_MAX_BYTES) {
            throw new HttpStatusException(HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                    "At most " + CebReader.DEFAULT_MAX_BYTES + " bytes.");
        }
        InboundReceipts.Outcome outcome;
        try {
            outcome = receipts.accept(body);
        } catch (XmlRejectedException e) {
            throw InvalidInputException.of("body", "XML_REJECTED", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("body", "NOT_A_CUSTOMS_MESSAGE", "not a DXP envelope or CEB message");
        }
        return new Outcome(outcome.type().code(), outcome.guid(), outcome.recorded(), outcome.repeated(),
                outcome.unknown());
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Outcome(String type, String guid, int recorded, int repeated, int unknown) {
    }
}
