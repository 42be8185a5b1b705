package io.vitrine.api.console.retailer;

import io.micronaut.core.annotation.Nullable;
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
import io.vitrine.api.orders.ReturnPhotoFiles;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.orders.returns.GoodsReceipts;
import io.vitrine.orders.returns.RefundFailure;
import io.vitrine.orders.returns.RefundOutlook;
import io.vitrine.orders.returns.RefundRetries;
import io.vitrine.orders.returns.RefundShare;
import io.vitrine.orders.returns.ReturnDecisions;
import io.vitrine.orders.returns.ReturnPhotos;
import io.vitrine.orders.returns.ReturnRefusedException;
import io.vitrine.orders.returns.ReturnRequest;
import io.vitrine.orders.returns.ReturnRequests;
import io.vitrine.orders.returns.ReturnStatus;
import io.vitrine.orders.returns.StaffReturns;
import io.vitrine.tenants.access.Actor;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /console/returns}: the shop's returns queue for its staff, through {@link StaffReturns} (the same use cases
 * as the API's {@code /api/v1/returns}: tenant-filtered, newest first, a store manager limited to their stores — any
 * other return is the 404 page), filtered by status and paged by {@value #PAGE_SIZE}. A return's page shows its lines
 * and amounts as sold, its status and decision, and the forms of what can be done next, each with a one-time token
 * (OneTimeForms): approve and reject (with a reason) for the RETAILER_ADMIN while it is REQUESTED ({@link
 * ReturnDecisions}), goods received once customs ACCEPTED it ({@link GoodsReceipts}, also the store's STORE_MANAGER),
 * and "retry refund" for the RETAILER_ADMIN once Alipay refused the refund for good ({@link RefundRetries}). The page
 * shows the refund before approval and after (goods share, its tax, freight share by the shop's policy, total:
 * {@link StaffReturns#refund}, the refund's own computation).
 * A refused action (409 another status, 422 RETURN_EXPIRED, 400 a missing reason) is the return's page again, saying why.
 */
@Controller("/console/returns")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Secured({"RETAILER_ADMIN", "STORE_MANAGER"})
@Hidden
final class ReturnsPage {

    static final int PAGE_SIZE = 20;
    private static final String PATH = "/console/returns";

    private final StaffReturns returns;
    private final ReturnDecisions decisions;
    private final GoodsReceipts receipts;
    private final RefundRetries retries;
    private final OneTimeForms forms;
    private final ReturnPhotos photos;

    ReturnsPage(StaffReturns returns, ReturnDecisions decisions, GoodsReceipts receipts, RefundRetries retries,
                OneTimeForms forms, ReturnPhotos photos) {
        this.returns = returns;
        this.decisions = decisions;
        this.receipts = receipts;
        this.retries = retries;
        this.forms = forms;
        this.photos = photos;
    }

    /** A bad status filter is the page with the filter's error (400) and no rows. */
    @Get
    HttpResponse<?> list(HttpRequest<?> request, Authentication caller, @Nullable @QueryValue String status,
                         @QueryValue(defaultValue = "0") int page) {
        String wanted = status == null ? "" : status.strip();
        int shownPage = Math.max(page, 0);
        ReturnStatus filter = null;
        Map<String, String> filterErrors = Map.of();
        if (!wanted.isEmpty()) {
            try {
                filter = ReturnStatus.valueOf(wanted);
            } catch (IllegalArgumentException unknown) {
                filterErrors = FormErrors.one("status", "returns.error.status", request);
            }
        }
        List<ReturnRow> rows = List.of();
        long total = 0;
        if (filterErrors.isEmpty()) {
            ReturnRequests.ReturnPage found = returns.list(StaffClaims.actorOf(caller), filter, shownPage, PAGE_SIZE);
            rows = found.items().stream().map(ReturnRow::of).toList();
            total = found.total();
        }
        String target = wanted.isEmpty() ? PATH : PATH + "?status=" + ConsoleLinks.encode(wanted);
        return ConsolePage.render(filterErrors.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST, "returns",
                ConsolePage.model(caller,
                        "returns", rows,
                        "statuses", Arrays.stream(ReturnStatus.values()).map(Enum::name).toList(),
                        "status", wanted,
                        "filtered", !wanted.isEmpty(),
                        "filterErrors", filterErrors,
                        "listTarget", target,
                        "page", shownPage,
                        "total", total,
                        "hasNext", (long) (shownPage + 1) * PAGE_SIZE < total));
    }

    @Get("/{returnNo}")
    HttpResponse<?> one(Authentication caller, @PathVariable String returnNo, @Nullable @QueryValue String done) {
        return page(HttpStatus.OK, caller, returnNo, Map.of(), null, done);
    }

    /** A photo of the return, for the shop's staff only (another shop's or store's: the 404 page). */
    @Get("/{returnNo}/photos/{photoId}")
    @Produces(MediaType.ALL)
    HttpResponse<StreamedFile> photo(Authentication caller, @PathVariable String returnNo,
                                     @PathVariable String photoId) {
        return ReturnPhotoFiles.served(photos.openForStaff(StaffClaims.actorOf(caller), returnNo, photoId));
    }

    @Post(value = "/{returnNo}/approve", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("RETAILER_ADMIN")
    HttpResponse<?> approve(HttpRequest<?> request, Authentication caller, @PathVariable String returnNo,
                            @Body DecisionFields fields, @Nullable @Body(OneTimeForms.FIELD) String formToken) {
        Actor actor = StaffClaims.actorOf(caller);
        return act(request, caller, returnNo, "approve", fields, formToken,
                () -> decisions.approve(actor, returnNo), "approved");
    }

    @Post(value = "/{returnNo}/reject", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("RETAILER_ADMIN")
    HttpResponse<?> reject(HttpRequest<?> request, Authentication caller, @PathVariable String returnNo,
                           @Body DecisionFields fields, @Nullable @Body(OneTimeForms.FIELD) String formToken) {
        Actor actor = StaffClaims.actorOf(caller);
        return act(request, caller, returnNo, "reject", fields, formToken,
                () -> decisions.reject(actor, returnNo, fields.reason()), "rejected");
    }

    @Post(value = "/{returnNo}/received", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> received(HttpRequest<?> request, Authentication caller, @PathVariable String returnNo,
                             @Body DecisionFields fields, @Nullable @Body(OneTimeForms.FIELD) String formToken) {
        Actor actor = StaffClaims.actorOf(caller);
        return act(request, caller, returnNo, "received", fields, formToken,
                () -> receipts.byStaff(actor, returnNo), "received");
    }

    @Post(value = "/{returnNo}/retry-refund", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("RETAILER_ADMIN")
    HttpResponse<?> retryRefund(HttpRequest<?> request, Authentication caller, @PathVariable String returnNo,
                                @Body DecisionFields fields, @Nullable @Body(OneTimeForms.FIELD) String formToken) {
        Actor actor = StaffClaims.actorOf(caller);
        return act(request, caller, returnNo, "retry", fields, formToken,
                () -> retries.retry(actor, returnNo), "retried");
    }

    private HttpResponse<?> act(HttpRequest<?> request, Authentication caller, String returnNo, String form,
                                DecisionFields fields, @Nullable String formToken, Supplier<Object> action,
                                String done) {
        if (formToken == null || formToken.isBlank()) {
            returns.get(StaffClaims.actorOf(caller), returnNo); // another shop's or store's return: the 404 page
            return page(HttpStatus.BAD_REQUEST, caller, returnNo,
                    FormErrors.one(form, "returns.error.noFormToken", request), fields, null);
        }
        return forms.once(request, caller, formToken, fields, () -> {
            try {
                action.get();
                return ConsoleLinks.seeOther(request, PATH + "/" + ConsoleLinks.encode(returnNo) + "?done=" + done);
            } catch (ConflictException refused) {
                return page(HttpStatus.CONFLICT, caller, returnNo,
                        FormErrors.one(form, "returns.error.status", request), fields, null);
            } catch (ReturnRefusedException refused) {
                return page(HttpStatus.UNPROCESSABLE_ENTITY, caller, returnNo,
                        FormErrors.one(form, "returns.refused." + refused.code(), request), fields, null);
            } catch (InvalidInputException refused) {
                return page(HttpStatus.BAD_REQUEST, caller, returnNo, FormErrors.of(refused, request), fields, null);
            }
        });
    }

    private HttpResponse<?> page(HttpStatus status, Authentication caller, String returnNo,
                                 Map<String, String> errors, @Nullable DecisionFields fields, @Nullable String done) {
        Actor actor = StaffClaims.actorOf(caller);
        ReturnRequest found = returns.get(actor, returnNo);
        return ConsolePage.render(status, "return", ConsolePage.model(caller,
                "ret", ReturnSheet.of(found),
                "refund", RefundSheet.of(returns.refund(actor, returnNo)),
                "photos", photos.forStaff(actor, returnNo).stream().map(photo -> PATH + "/"
                        + ConsoleLinks.encode(returnNo) + "/photos/" + ConsoleLinks.encode(photo.id())).toList(),
                "returnTarget", PATH + "/" + ConsoleLinks.encode(returnNo),
                "orderHref", "/console/orders/" + ConsoleLinks.encode(found.orderNo()),
                "decidable", found.status() == ReturnStatus.REQUESTED,
                "receivable", found.status() == ReturnStatus.ACCEPTED,
                "retriable", found.status() == ReturnStatus.REFUND_FAILED,
                "errors", errors,
                "form", fields,
                "done", done == null ? "" : done));
    }

    /** The decision forms as typed: the rejection's reason (approve and received send none). */
    @Serdeable
    public record DecisionFields(@Nullable String reason) {
    }

    /**
     * The return's refund in yuan ({@link StaffReturns#refund}: the refund's own computation, recorded once the goods
     * are back), with when it was refunded or why Alipay refused it for good.
     */
    public record RefundSheet(String goods, String tax, String freight, String total, boolean recorded,
                              String refundedAt, String failureCode, String failure) {

        static RefundSheet of(RefundOutlook outlook) {
            RefundShare share = outlook.share();
            RefundFailure failure = outlook.failure();
            return new RefundSheet(share.goods().toDisplayString(), share.tax().toDisplayString(),
                    share.freight().toDisplayString(), share.amount().toDisplayString(), outlook.recorded(),
                    ChinaTimeText.of(outlook.refundedAt()), failure == null ? "" : failure.code(),
                    failure == null ? "" : failure.reason());
        }
    }

    /** One row of the queue, times in China time. */
    public record ReturnRow(String returnNo, String orderNo, String storeCode, String status, String channel,
                            String requestedAt, int units, String reason) {

        static ReturnRow of(ReturnRequest r) {
            return new ReturnRow(r.returnNo(), r.orderNo(), r.storeCode(), r.status().name(), r.channel().name(),
                    ChinaTimeText.of(r.requestedAt()), r.lines().stream().mapToInt(l -> l.quantity()).sum(),
                    r.reason());
        }
    }

    /** A return's page: its facts, lines as sold (yuan: unit price, the whole order line's value and tax) and the decision. */
    public record ReturnSheet(String returnNo, String orderNo, String storeCode, String status, String channel,
                              String openedBy, String reason, String requestedAt, String releasedAt,
                              String decidedAt, String decidedBy, String rejectionReason, List<Line> lines) {

        public record Line(int lineNo, String sku, int qty, int orderedQty, String unitPrice, String lineValue,
                           String lineTax) {
        }

        static ReturnSheet of(ReturnRequest r) {
            List<Line> lines = r.lines().stream().map(l -> new Line(l.lineNo(), l.sku(), l.quantity(),
                    l.orderedQuantity(), l.unitPrice().toDisplayString(), l.lineValue().toDisplayString(),
                    l.lineTax().toDisplayString())).toList();
            return new ReturnSheet(r.returnNo(), r.orderNo(), r.storeCode(), r.status().name(), r.channel().name(),
                    r.openedBy(), r.reason(), ChinaTimeText.of(r.requestedAt()), ChinaTimeText.of(r.releasedAt()),
                    ChinaTimeText.of(r.decidedAt()), r.decidedBy() == null ? "" : r.decidedBy(),
                    r.rejectionReason() == null ? "" : r.rejectionReason(), lines);
        }
    }
}
