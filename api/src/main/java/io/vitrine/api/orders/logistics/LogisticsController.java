package io.vitrine.api.orders.logistics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.api.orders.ReceiptView;
import io.vitrine.api.problem.Problem;
import io.vitrine.api.security.SignedDevice;
import io.vitrine.orders.logistics.PostWaybill;
import io.vitrine.orders.logistics.ReportShipment;
import io.vitrine.orders.logistics.ShipmentTracking;
import io.vitrine.orders.logistics.WaybillRegister;
import io.vitrine.orders.returns.GoodsReceipts;
import io.vitrine.tenants.devices.signing.DeviceCredential;

import java.util.Optional;

/**
 * The logistics partner's callbacks (api.md "Orders, payments, customs, returns"), device-signed: the signature
 * filter has verified every {@code /api/v1/logistics/**} request and made the device's tenant the request's, so
 * another tenant's order is the same 404 as an unknown one. Only PARTNER devices (a POS is 403). Anonymous to the
 * staff security rules, like {@code /pos/**}.
 */
@Controller("/api/v1/logistics")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Logistics partners")
class LogisticsController {

    private final WaybillRegister waybills;
    private final ShipmentTracking shipments;
    private final GoodsReceipts receipts;

    LogisticsController(WaybillRegister waybills, ShipmentTracking shipments, GoodsReceipts receipts) {
        this.waybills = waybills;
        this.shipments = shipments;
        this.receipts = receipts;
    }

    @Post("/waybills")
    @Operation(summary = "Assign an order's waybill (device-signed, PARTNER)",
            description = "201 when recorded, 200 when the order already has this waybill (nothing changes). "
                    + "logisticsCode: a 10-character customs registration code or a USCC; logisticsNo: at most 60 "
                    + "characters, no blanks. 404 unknown or another tenant's order; 409 unpaid, cancelled or closed, "
                    + "or a different waybill once the order is declared, or a number another order holds; "
                    + "422 NOT_CROSS_BORDER for a duty-paid order.")
    HttpResponse<?> waybill(HttpRequest<?> request, @Nullable @Body WaybillBody body) {
        Optional<DeviceCredential> partner = partner(request);
        if (partner.isEmpty()) {
            return forbidden();
        }
        WaybillBody form = body == null ? new WaybillBody(null, null, null, null) : body;
        WaybillRegister.Assignment assignment = waybills.assign(new PostWaybill(form.orderNo(), form.logisticsCode(),
                form.logisticsName(), form.logisticsNo()), partner.get().deviceKey());
        return HttpResponse.status(assignment.recorded() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(WaybillView.of(assignment.waybill()));
    }

    @Post("/shipments")
    @Operation(summary = "Report a parcel SHIPPED or DELIVERED (device-signed, PARTNER)",
            description = "Moves the order RELEASED → SHIPPED → DELIVERED; the same status again answers 200 and "
                    + "changes nothing. at: ISO-8601 with an offset. 409 out of order (DELIVERED before SHIPPED, "
                    + "SHIPPED before customs released the order); 422 NO_WAYBILL, WAYBILL_MISMATCH.")
    HttpResponse<?> shipment(HttpRequest<?> request, @Nullable @Body ShipmentBody body) {
        Optional<DeviceCredential> partner = partner(request);
        if (partner.isEmpty()) {
            return forbidden();
        }
        ShipmentBody form = body == null ? new ShipmentBody(null, null, null, null) : body;
        ShipmentTracking.Shipment shipment = shipments.report(new ReportShipment(form.orderNo(), form.logisticsNo(),
                form.status(), form.at()), partner.get().deviceKey());
        return HttpResponse.ok(new ShipmentView(shipment.order().orderNo(), shipment.order().status().name(),
                shipment.moved(), WaybillView.of(shipment.waybill())));
    }

    @Post("/returns/{returnNo}/received")
    @Operation(summary = "A return's goods are back at the bonded site (device-signed, PARTNER: the warehouse)",
            description = "As staff's POST /api/v1/returns/{returnNo}/received: ACCEPTED -> GOODS_RECEIVED and the "
                    + "refund follows; again 200 with received=false; 409 from other statuses; 422 RETURN_EXPIRED; "
                    + "404 unknown or another tenant's return.")
    HttpResponse<?> returnReceived(HttpRequest<?> request, @PathVariable String returnNo) {
        Optional<DeviceCredential> partner = partner(request);
        if (partner.isEmpty()) {
            return forbidden();
        }
        return HttpResponse.ok(ReceiptView.of(receipts.byDevice(partner.get().deviceKey(), returnNo)));
    }

    private static Optional<DeviceCredential> partner(HttpRequest<?> request) {
        return SignedDevice.of(request).filter(device -> device.kind() == DeviceCredential.Kind.PARTNER);
    }

    private static HttpResponse<?> forbidden() {
        return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE)
                .body(new Problem("about:blank", "Forbidden", 403,
                        "Only a logistics partner's device (PARTNER) posts waybills, shipments and returned goods.", null, null));
    }

    @Serdeable
    record WaybillBody(@Nullable String orderNo, @Nullable String logisticsCode, @Nullable String logisticsName,
                       @Nullable String logisticsNo) {
    }

    @Serdeable
    record ShipmentBody(@Nullable String orderNo, @Nullable String logisticsNo, @Nullable String status,
                        @Nullable String at) {
    }

    /** @param moved false when the order had this status already (a replay) */
    @Serdeable
    record ShipmentView(String orderNo, String orderStatus, boolean moved, WaybillView waybill) {
    }
}
