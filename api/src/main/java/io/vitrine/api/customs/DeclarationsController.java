package io.vitrine.api.customs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.api.idempotency.Idempotent;
import io.vitrine.api.orders.ConsigneeForm;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.customs.declaration.Correction;
import io.micronaut.security.authentication.Authentication;
import io.vitrine.customs.declaration.Declaration;
import io.vitrine.customs.declaration.DeclarationOversight;
import io.vitrine.customs.declaration.DeclarationReading;
import io.vitrine.customs.declaration.DeclarationResubmission;
import io.vitrine.customs.declaration.DeclarationStatus;
import io.vitrine.customs.declaration.RecordedReceipt;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.orders.ordering.ConsigneeCorrections;
import io.vitrine.orders.ordering.PlaceOrder;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /api/v1/declarations?status=&orderNo=&tenant=} and {@code GET /api/v1/declarations/{orderNo}} (api.md):
 * the declarations of the caller's {@link DeclarationScopes scope} — a merchant's admins their own tenant's, a park's
 * admins and customs officers every member's (optionally one, by {@code tenant} slug) — each with its messages
 * (type, guid, the status of its leg) and customs' receipts in order. A declaration outside the scope is 404.
 * {@code POST …/{orderNo}/resubmit} (a merchant's admins) after a rejection was corrected.
 */
@Controller("/api/v1/declarations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"RETAILER_ADMIN", "PARK_ADMIN", "CUSTOMS_OFFICER"})
@Tag(name = "Declarations")
class DeclarationsController {

    private final DeclarationOversight declarations;
    private final DeclarationScopes scopes;
    private final DeclarationResubmission resubmission;

    DeclarationsController(DeclarationOversight declarations, DeclarationScopes scopes,
                           DeclarationResubmission resubmission) {
        this.declarations = declarations;
        this.scopes = scopes;
        this.resubmission = resubmission;
    }

    @Post("/{orderNo}/resubmit")
    @Secured("RETAILER_ADMIN")
    @Idempotent
    @Operation(summary = "Sends a rejected declaration again, corrected (appType 2)",
            description = "Body (optional): {consignee{name, phone, districtCode, address}, note}. The consignee is "
                    + "the part staff may correct (stored sealed, noted on the order's timeline); the buyer and the "
                    + "lines are not correctable. A new CEB311 with a new guid is sent, the order leg and the order "
                    + "DECLARING again. 400 bad field (consignee.<field>, note); 404 unknown or another tenant's; "
                    + "409 DECLARATION_NOT_REJECTED (naming the status), INVENTORY_RESUBMIT_UNAVAILABLE, "
                    + "PAYMENT_RESUBMIT_UNAVAILABLE, RESUBMIT_UNAVAILABLE (no customs exchange). A second click finds it DECLARING (409) and sends nothing.")
    DeclarationView resubmit(@PathVariable String orderNo, @Nullable @Body ResubmitRequest request,
                             Authentication caller) {
        FieldChecks checks = new FieldChecks();
        String note = request == null || request.note() == null || request.note().isBlank() ? null
                : checks.text("note", request.note(), 200);
        checks.throwIfAny();
        PlaceOrder.Consignee consignee = request == null ? null : ConsigneeForm.toConsignee(request.consignee());
        if (consignee != null) {
            ConsigneeCorrections.check(consignee);
        }
        return DeclarationView.of(resubmission.resubmit(orderNo, new Correction(consignee, note),
                StaffClaims.actorOf(caller).id()), scopes.of(caller, null));
    }

    @Serdeable
    record ResubmitRequest(@Nullable ConsigneeForm consignee, @Nullable String note) {
    }

    @Get
    @Operation(summary = "The tenant's declarations, newest first (at most 200)",
            description = "status: a declaration status (DECLARING, ACCEPTED, REJECTED, RELEASED…); orderNo: one order. "
                    + "Bad values: 400 with the field.")
    List<DeclarationView> list(Authentication caller, @Nullable @QueryValue String status,
                               @Nullable @QueryValue String orderNo, @Nullable @QueryValue String tenant) {
        FieldChecks checks = new FieldChecks();
        DeclarationStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = DeclarationStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                checks.fail("status", "DECLARATION_STATUS", "one of " + Arrays.toString(DeclarationStatus.values()));
            }
        }
        String number = orderNo == null || orderNo.isBlank() ? null : checks.text("orderNo", orderNo.strip(), 32);
        checks.throwIfAny();
        DeclarationScopes.Scope scope = scopes.of(caller, tenant);
        return declarations.list(scope.ids(), wanted, number).stream().map(d -> DeclarationView.of(d, scope)).toList();
    }

    @Get("/{orderNo}")
    @Operation(summary = "One order's declaration: its messages and receipts timeline", description = "Unknown: 404.")
    DeclarationDetailsView details(Authentication caller, @PathVariable String orderNo) {
        DeclarationScopes.Scope scope = scopes.of(caller, null);
        DeclarationReading.Details details = declarations.details(scope.ids(), orderNo);
        return new DeclarationDetailsView(DeclarationView.of(details.declaration(), scope),
                details.messages().stream().map(m -> new MessageView(m.type(), m.guid(), m.appType(), m.fileName(),
                        m.status().name(), m.sentAt(), m.attempts())).toList(),
                details.receipts().stream().map(ReceiptView::of).toList());
    }

    @Serdeable
    record DeclarationView(String orderNo, String tenant, String tradeMode, String status, String orderLeg, String paymentLeg,
                           String inventoryLeg,
                           @Nullable String rejectionReason, Instant createdAt, Instant updatedAt) {

        static DeclarationView of(Declaration d, DeclarationScopes.Scope scope) {
            return new DeclarationView(d.orderNo(), scope.slugOf(d.tenant()), d.tradeMode(), d.status().name(), d.orderLeg().name(),
                    d.paymentLeg().name(), d.inventoryLeg().name(), d.rejectionReason(), d.createdAt(), d.updatedAt());
        }
    }

    @Serdeable
    record MessageView(String type, String guid, String appType, String fileName, String status,
                       @Nullable Instant sentAt, int attempts) {
    }

    @Serdeable
    record ReceiptView(String messageGuid, int returnStatus, Instant returnTime, @Nullable String returnInfo,
                       Instant receivedAt) {

        static ReceiptView of(RecordedReceipt r) {
            return new ReceiptView(r.messageGuid(), r.returnStatus(), r.returnTime(), r.returnInfo(), r.receivedAt());
        }
    }

    @Serdeable
    record DeclarationDetailsView(DeclarationView declaration, List<MessageView> messages,
                                  List<ReceiptView> receipts) {
    }
}
