package io.vitrine.api.orders;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.vitrine.api.orders.logistics.WaybillView;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.api.tenants.Listing;
import io.vitrine.customs.declaration.DeclarationCancellation;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.orders.logistics.WaybillRegister;
import io.vitrine.orders.ordering.Order;
import io.vitrine.orders.ordering.OrderDetails;
import io.vitrine.orders.ordering.OrderStatus;
import io.vitrine.orders.ordering.Orders;
import io.vitrine.orders.ordering.StaffOrders;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The shop's orders for its staff (api.md "Orders, payments, customs, returns"): retailer admins see every store's,
 * store managers their stores'. Another shop's order, or one of a store the manager does not see, is 404.
 */
@Controller("/api/v1/orders")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"RETAILER_ADMIN", "STORE_MANAGER"})
@Tag(name = "Orders")
class StaffOrdersController {

    private final StaffOrders orders;
    private final WaybillRegister waybills;
    private final PlacingDevices devices;
    private final DeclarationCancellation cancellation;

    StaffOrdersController(StaffOrders orders, WaybillRegister waybills, PlacingDevices devices,
                          DeclarationCancellation cancellation) {
        this.orders = orders;
        this.waybills = waybills;
        this.devices = devices;
        this.cancellation = cancellation;
    }

    @Get
    @Operation(summary = "The shop's orders, newest first",
            description = "status: one of the order statuses; store: a store code; from/to: ISO-8601 instants, placed "
                    + "at from (inclusive) to to (exclusive). Bad values: 400 with the field.")
    Listing<OrderRow> list(@Nullable @QueryValue String status, @Nullable @QueryValue String store,
                           @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                           @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size,
                           Authentication caller) {
        Listing.checkPage(page, size);
        FieldChecks checks = new FieldChecks();
        OrderStatus wanted = status == null ? null : checks.oneOf("status", status, OrderStatus.class);
        Instant since = instant(checks, "from", from);
        Instant until = instant(checks, "to", to);
        checks.throwIfAny();
        Orders.OrderPage found = orders.list(StaffClaims.actorOf(caller), wanted, store, since, until, page, size);
        return new Listing<>(found.items().stream().map(OrderRow::of).toList(), found.total());
    }

    @Get("/{orderNo}")
    @Operation(summary = "One order: amounts, payment, masked buyer and consignee, lines, timeline, waybill",
            description = "deviceKey: the paired kiosk the order was placed on (absent otherwise); waybill: once a "
                    + "logistics partner posted one.")
    StaffOrderView get(@PathVariable String orderNo, Authentication caller) {
        return view(orderNo, caller, null);
    }

    private StaffOrderView view(String orderNo, Authentication caller, @Nullable String customsCancellation) {
        OrderDetails details = orders.details(StaffClaims.actorOf(caller), orderNo);
        return new StaffOrderView(OrderView.of(details, devices.keyOf(details.order())),
                waybills.of(orderNo).map(WaybillView::of).orElse(null), customsCancellation);
    }

    @Post("/{orderNo}/cancel")
    @Operation(summary = "Cancels the order; a paid one is refunded in full",
            description = "Not declared, or REJECTED by customs: cancelled now (200), refunded once, quota and units "
                    + "back. An inventory list with customs: a CEB623 asks customs to cancel it (202, "
                    + "customsCancellation REQUESTED); the order is cancelled and refunded when customs confirms "
                    + "(CEB624 800). 409 while the order leg is with customs, and ORDER_RELEASED once released "
                    + "(returns are the way); cancelling a cancelled order answers it again.")
    HttpResponse<StaffOrderView> cancel(@PathVariable String orderNo, @Nullable @Body CancelRequest request,
                                        Authentication caller) {
        var outcome = cancellation.cancel(StaffClaims.actorOf(caller), orderNo,
                request == null ? null : request.reason());
        if (outcome instanceof DeclarationCancellation.Outcome.Requested) {
            return HttpResponse.accepted().body(view(orderNo, caller, "REQUESTED"));
        }
        return HttpResponse.ok(view(orderNo, caller, null));
    }

    @Nullable
    private static Instant instant(FieldChecks checks, String field, @Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(raw.strip());
        } catch (DateTimeParseException e) {
            return checks.fail(field, "INSTANT", "an ISO-8601 instant, e.g. 2026-11-30T00:00:00Z");
        }
    }

    /** The order as {@link OrderView} has it, and its waybill (orders.logistics) once a partner posted one. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StaffOrderView(@JsonUnwrapped OrderView order, @Nullable WaybillView waybill,
                          @Nullable String customsCancellation) {
    }

    @Serdeable
    record CancelRequest(@Nullable String reason) {
    }

    @Serdeable
    record OrderRow(String orderNo, String status, String storeCode, String payMethod, Instant placedAt,
                    long totalFen, @Nullable Instant paidAt) {

        static OrderRow of(Order order) {
            return new OrderRow(order.orderNo(), order.status().name(), order.storeCode(), order.payMethod().name(),
                    order.placedAt(), order.amounts().total().fen(), order.paidAt());
        }
    }
}
