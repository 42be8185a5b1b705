package io.vitrine.api.orders;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.api.idempotency.Idempotent;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.api.tenants.Listing;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.orders.returns.GoodsReceipts;
import io.vitrine.orders.returns.ReturnDecisions;
import io.vitrine.orders.returns.ReturnRequests;
import io.vitrine.orders.returns.ReturnStatus;
import io.vitrine.orders.returns.StaffReturns;

/**
 * The shop's returns for its staff (api.md "Orders, payments, customs, returns"): retailer admins see every store's
 * and decide them; store managers see their stores' and open returns at the counter for their stores' orders.
 * Another shop's return or order, or one of a store the manager does not see, is 404.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"RETAILER_ADMIN", "STORE_MANAGER"})
@Tag(name = "Returns")
class StaffReturnsController {

    private final StaffReturns returns;
    private final ReturnDecisions decisions;
    private final GoodsReceipts receipts;

    StaffReturnsController(StaffReturns returns, ReturnDecisions decisions, GoodsReceipts receipts) {
        this.returns = returns;
        this.decisions = decisions;
        this.receipts = receipts;
    }

    @Post("/orders/{orderNo}/returns")
    @Idempotent
    @Operation(summary = "Opens a return at the counter for a shopper",
            description = "{items[{sku, qty}], reason} -> 201 the return, REQUESTED, opened by the caller. 400: items, "
                    + "items[i].sku, items[i].qty, reason (REQUIRED, DUPLICATE, QUANTITY_RANGE 1-999, TOO_LONG). 422 "
                    + "with code: NOT_RELEASED, RETURN_WINDOW_CLOSED (30 days after the release day, China time, both "
                    + "dates in the detail), NOT_IN_ORDER (items[i].sku), RETURN_QUANTITY_EXCEEDED (items[i].qty: more "
                    + "than bought less what open returns claim). 404: another shop's order or another store's.")
    HttpResponse<ReturnView> open(@PathVariable String orderNo, @Body ReturnBody body, Authentication caller) {
        return HttpResponse.status(HttpStatus.CREATED).body(ReturnView.of(
                returns.openAtCounter(StaffClaims.actorOf(caller), orderNo, body.toRequest())));
    }

    @Get("/returns")
    @Operation(summary = "The shop's returns, newest first",
            description = "status: one of REQUESTED, APPROVED, DECLARED, ACCEPTED, GOODS_RECEIVED, REFUNDED, REFUND_FAILED, "
                    + "REJECTED, EXPIRED (400 NOT_ONE_OF otherwise). Store managers get their stores' only.")
    Listing<ReturnView> list(@Nullable @QueryValue String status, @QueryValue(defaultValue = "0") int page,
                             @QueryValue(defaultValue = "50") int size, Authentication caller) {
        Listing.checkPage(page, size);
        FieldChecks checks = new FieldChecks();
        ReturnStatus wanted = status == null ? null : checks.oneOf("status", status, ReturnStatus.class);
        checks.throwIfAny();
        ReturnRequests.ReturnPage found = returns.list(StaffClaims.actorOf(caller), wanted, page, size);
        return new Listing<>(found.items().stream().map(ReturnView::of).toList(), found.total());
    }

    @Get("/returns/{returnNo}")
    @Operation(summary = "One return with its lines")
    ReturnView get(@PathVariable String returnNo, Authentication caller) {
        return ReturnView.of(returns.get(StaffClaims.actorOf(caller), returnNo));
    }

    @Post("/returns/{returnNo}/approve")
    @Secured("RETAILER_ADMIN")
    @Operation(summary = "Approves a requested return",
            description = "REQUESTED -> APPROVED; customs is told to send the return request (CEB625). 409 from any "
                    + "other status (of two approvals at once, one wins).")
    ReturnView approve(@PathVariable String returnNo, Authentication caller) {
        return ReturnView.of(decisions.approve(StaffClaims.actorOf(caller), returnNo));
    }

    @Post("/returns/{returnNo}/reject")
    @Secured("RETAILER_ADMIN")
    @Operation(summary = "Rejects a requested return",
            description = "{reason} (400 REQUIRED / TOO_LONG over 500) -> REJECTED, its units free to return again. 409 "
                    + "from any status but REQUESTED.")
    ReturnView reject(@PathVariable String returnNo, @Nullable @Body RejectBody body, Authentication caller) {
        return ReturnView.of(decisions.reject(StaffClaims.actorOf(caller), returnNo, body == null ? null
                : body.reason()));
    }

    @Post("/returns/{returnNo}/received")
    @Operation(summary = "The return's goods are back at the bonded site",
            description = "ACCEPTED (customs accepted the return request) -> GOODS_RECEIVED: stock back, the buyer's "
                    + "annual quota reduced, the order PARTIALLY_RETURNED or RETURNED, and the Alipay refund of the "
                    + "returned share (goods, tax, freight by the shop's return freight policy) follows; REFUNDED once "
                    + "Alipay confirms, REFUND_FAILED when Alipay refuses it for good (retried from the console). Again: 200, the same answer, received=false, nothing changes. 409 from any other "
                    + "status (named); 422 RETURN_EXPIRED from the 46th day after the release day (China time). Store "
                    + "managers for their stores' returns (404 otherwise). The warehouse partner's device uses "
                    + "POST /api/v1/logistics/returns/{returnNo}/received.")
    ReceiptView received(@PathVariable String returnNo, Authentication caller) {
        return ReceiptView.of(receipts.byStaff(StaffClaims.actorOf(caller), returnNo));
    }

    @Serdeable
    record RejectBody(@Nullable String reason) {
    }
}
