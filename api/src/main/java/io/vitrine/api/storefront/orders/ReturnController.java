package io.vitrine.api.storefront.orders;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
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
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.api.idempotency.Idempotent;
import io.vitrine.api.orders.ReturnView;
import io.vitrine.api.tenants.Listing;
import io.vitrine.api.orders.ReturnBody;
import io.vitrine.orders.returns.ReturnRequest;
import io.vitrine.orders.returns.ShopperReturns;

/**
 * A shopper's returns (api.md "Storefront"), anonymous with the order's token, in the tenant of the
 * {@code /s/{tenant}} path: asking for one (Idempotency-Key honoured) and reading the order's returns back.
 */
@Controller("/s/{tenant}/api/orders/{orderNo}/returns")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Storefront")
class ReturnController {

    private final ShopperReturns returns;

    ReturnController(ShopperReturns returns) {
        this.returns = returns;
    }

    @Post
    @Idempotent
    @Operation(summary = "Asks to return lines of a released order",
            description = "{items[{sku, qty}], reason} -> 201 {returnNo, status}. 404: any other token or order. 400: "
                    + "items, items[i].sku, items[i].qty, reason with their rules. 422 with code: NOT_RELEASED, "
                    + "RETURN_WINDOW_CLOSED (30 days after the release day, China time; both dates in the detail), "
                    + "NOT_IN_ORDER (items[i].sku), RETURN_QUANTITY_EXCEEDED (items[i].qty).")
    HttpResponse<Requested> request(@PathVariable String tenant, @PathVariable String orderNo,
                                    @Nullable @QueryValue String token, @Body ReturnBody body) {
        ReturnRequest requested = returns.request(orderNo, token, body.toRequest());
        return HttpResponse.<Requested>status(HttpStatus.CREATED)
                .body(new Requested(requested.returnNo(), requested.status().name()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Get
    @Operation(summary = "The order's returns, read with its token", description = "{items, total}, oldest first; 404 "
            + "for any other token or order.")
    HttpResponse<Listing<ReturnView>> list(@PathVariable String tenant, @PathVariable String orderNo,
                                           @Nullable @QueryValue String token) {
        return HttpResponse.ok(Listing.of(returns.ofOrder(orderNo, token).stream()
                .map(r -> ReturnView.of(r).forShopper()).toList())).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Serdeable
    record Requested(String returnNo, String status) {
    }
}
