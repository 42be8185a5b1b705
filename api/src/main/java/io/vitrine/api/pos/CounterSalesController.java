package io.vitrine.api.pos;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.api.idempotency.Idempotent;
import io.vitrine.api.orders.BuyerForm;
import io.vitrine.api.orders.ConsigneeForm;
import io.vitrine.api.orders.OrderView;
import io.vitrine.api.orders.PlacingDevices;
import io.vitrine.api.problem.Problem;
import io.vitrine.api.security.SignedDevice;
import io.vitrine.api.storefront.pages.ShopperAddress;
import io.vitrine.customs.declaration.Declaration;
import io.vitrine.customs.declaration.DeclarationReading;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.idempotency.IdempotencyKey;
import io.vitrine.orders.counter.BarcodePayments;
import io.vitrine.orders.counter.CounterCheckout;
import io.vitrine.orders.counter.CounterOrders;
import io.vitrine.orders.counter.CounterSale;
import io.vitrine.orders.ordering.Order;
import io.vitrine.orders.ordering.PayMethod;
import io.vitrine.orders.ordering.PlacedOrder;
import io.vitrine.orders.returns.ReturnRequest;
import io.vitrine.tenants.devices.Device;
import io.vitrine.tenants.devices.Devices;
import io.vitrine.tenants.devices.signing.DeviceCredential;
import io.vitrine.tenants.registry.TenantDirectory;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Counter sales of cross-border goods (api.md "POS and kiosk devices", issue #8): a store's POS (device-signed,
 * kind POS) places an order for the shopper at its counter through the storefront's checkout (the same rules, 400
 * fields and 422 codes), takes the payment — the Alipay QR code it shows, or the shopper's payment code it scans
 * ({@code POST …/{orderNo}/barcode-payment}, a second step: the code is only scanned once the order is accepted,
 * and it expires within a minute) — and reads any order of its tenant back for pick-up and service, whatever store
 * it was placed at, with its declaration and returns. Both POSTs require an {@code Idempotency-Key}: a retry with
 * the same key and body answers the first answer and does nothing again. Another tenant's order is 404; a PARTNER
 * device 403.
 */
@Controller("/pos/v1/orders")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "POS")
class CounterSalesController {

    private final Devices devices;
    private final TenantDirectory directory;
    private final ShopperAddress addresses;
    private final CounterCheckout checkout;
    private final BarcodePayments barcodes;
    private final CounterOrders counterOrders;
    private final DeclarationReading declarations;
    private final PlacingDevices placingDevices;

    CounterSalesController(Devices devices, TenantDirectory directory, ShopperAddress addresses,
                           CounterCheckout checkout, BarcodePayments barcodes, CounterOrders counterOrders,
                           DeclarationReading declarations, PlacingDevices placingDevices) {
        this.devices = devices;
        this.directory = directory;
        this.addresses = addresses;
        this.checkout = checkout;
        this.barcodes = barcodes;
        this.counterOrders = counterOrders;
        this.declarations = declarations;
        this.placingDevices = placingDevices;
    }

    @Post
    @Idempotent
    @Operation(summary = "Places a cross-border order for the shopper at the POS's counter",
            description = "Body {lines[{sku, qty}], buyer{name, idNumber, phone}, consignee{name, phone, districtCode, "
                    + "address}, consent, payment: ALIPAY_QR|BARCODE}, at the POS's store. 201 {orderNo, orderToken, "
                    + "status, amounts, payment{method, qrCode (ALIPAY_QR), expiresAt}}; BARCODE opens no trade: scan "
                    + "the shopper's code into POST /pos/v1/orders/{orderNo}/barcode-payment. 400: Idempotency-Key "
                    + "(REQUIRED), payment, lines, lines[i].sku|qty, consignee.*; 422 as the storefront's order: "
                    + "SINGLE_LIMIT_EXCEEDED, ANNUAL_LIMIT_EXCEEDED, NOT_ON_POSITIVE_LIST, MIXED_TRADE_MODES, "
                    + "MIXED_WAREHOUSES, OUT_OF_STOCK, INVALID_IDENTITY, CONSENT_REQUIRED, NOT_IN_ASSORTMENT, "
                    + "UNKNOWN_PRODUCT, ALIPAY_NOT_CONFIGURED; 403 not a store's POS; 503 Alipay unreachable.")
    HttpResponse<?> place(HttpRequest<?> http, @Nullable @Header(IdempotencyKey.HEADER) String idempotencyKey,
                          @Nullable @Body SaleRequest request) {
        Optional<Device> pos = storePos(http);
        if (pos.isEmpty()) {
            return forbidden();
        }
        requireIdempotencyKey(idempotencyKey);
        SaleRequest sale = request == null ? new SaleRequest(null, null, null, null, null) : request;
        String slug = directory.require(SignedDevice.of(http).orElseThrow().tenant()).slug();
        PlacedOrder placed = checkout.place(new CounterSale(pos.get().storeCode(), pos.get().id(),
                sale.lines() == null ? null : sale.lines().stream()
                        .map(line -> line == null ? null : new CounterSale.Line(line.sku(), line.qty())).toList(),
                BuyerForm.toBuyer(sale.buyer()),
                ConsigneeForm.toConsignee(sale.consignee()),
                Boolean.TRUE.equals(sale.consent()), sale.payment(),
                URI.create(addresses.absolute(http, "/s/" + slug + "/orders/"))));
        return HttpResponse.status(HttpStatus.CREATED).body(Placed.of(placed))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Post("/{orderNo}/barcode-payment")
    @Idempotent
    @Operation(summary = "Charges the shopper's Alipay payment code for a BARCODE order of the POS's store",
            description = "Body {authCode}: the scanned code, 16-24 digits starting 25-30 (400 authCode REQUIRED or "
                    + "PAYMENT_CODE). alipay.trade.pay, scene bar_code, out_trade_no the order number. 200 {orderNo, "
                    + "status, payment: PAID, tradeNo}: paid, the order PAID exactly as by Alipay's notify (the notify "
                    + "changes nothing more). 202 payment PAYING: the shopper must confirm in their app; poll GET "
                    + "/pos/v1/orders/{orderNo} (each read asks Alipay) until the order is PAID; unconfirmed, it closes "
                    + "with its payment window. 422 ALIPAY_<sub_code> (e.g. ALIPAY_ACQ_BUYER_BALANCE_NOT_ENOUGH, "
                    + "ALIPAY_ACQ_PAYMENT_AUTH_CODE_INVALID): not paid, scan another code. 409 NOT_A_BARCODE_ORDER, "
                    + "ORDER_NOT_PAYABLE (closed or cancelled). 404 not an order of this store. 503 Alipay "
                    + "unreachable: the outcome is unknown, send the same code again. An order already paid answers "
                    + "200 PAID without calling Alipay.")
    HttpResponse<?> barcodePayment(HttpRequest<?> http, @PathVariable String orderNo,
                                   @Nullable @Header(IdempotencyKey.HEADER) String idempotencyKey,
                                   @Nullable @Body BarcodeRequest request) {
        Optional<Device> pos = storePos(http);
        if (pos.isEmpty()) {
            return forbidden();
        }
        requireIdempotencyKey(idempotencyKey);
        BarcodePayments.Charge charge = barcodes.charge(pos.get().storeCode(), orderNo,
                request == null ? null : request.authCode());
        return HttpResponse.status(charge.status() == BarcodePayments.Status.PAID ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .body(new Charged(charge.order().orderNo(), charge.order().status().name(), charge.status().name(),
                        charge.tradeNo()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Get("/{orderNo}")
    @Operation(summary = "An order of the POS's tenant, for counter pick-up and service",
            description = "Any store's order of the tenant (a chain's shopper may come back to another store); "
                    + "another tenant's or an unknown order 404. The order as staff read it (status, amounts, payment, "
                    + "masked buyer and consignee, lines, timeline, deviceKey of the device it was placed on), its "
                    + "declarationStatus (customs: PENDING, DECLARING, ACCEPTED, RELEASED, REJECTED, …; absent before "
                    + "the order is declared) and its returns [{returnNo, status, requestedAt}]. A BARCODE order still "
                    + "PENDING_PAYMENT is checked with Alipay first, so polling it sees the shopper's confirmation.")
    HttpResponse<?> get(HttpRequest<?> http, @PathVariable String orderNo) {
        if (storePos(http).isEmpty()) {
            return forbidden();
        }
        CounterOrders.CounterOrder found = counterOrders.find(orderNo);
        String declarationStatus = declarations.list(null, orderNo).stream().findFirst()
                .map(Declaration::status).map(Enum::name).orElse(null);
        return HttpResponse.ok(new CounterOrderView(
                        OrderView.of(found.details(), placingDevices.keyOf(found.details().order())), declarationStatus,
                        found.returns().stream().map(ReturnSummary::of).toList()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** The signing device, when it is a POS of one of its tenant's stores. */
    private Optional<Device> storePos(HttpRequest<?> http) {
        return SignedDevice.of(http).filter(device -> device.kind() == DeviceCredential.Kind.POS)
                .map(credential -> devices.get(credential.deviceKey()))
                .filter(device -> device.storeCode() != null);
    }

    private static void requireIdempotencyKey(@Nullable String key) {
        if (key == null || key.isBlank()) {
            throw InvalidInputException.of(IdempotencyKey.HEADER, "REQUIRED",
                    "a POS sends every order and payment with an Idempotency-Key, so a retry never does it twice");
        }
    }

    private static HttpResponse<?> forbidden() {
        return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE)
                .body(new Problem("about:blank", "Forbidden", 403,
                        "Only a store's POS (device kind POS) sells at the counter.", null, null));
    }

    @Serdeable
    record SaleRequest(@Nullable List<LineForm> lines, @Nullable BuyerForm buyer, @Nullable ConsigneeForm consignee,
                       @Nullable Boolean consent, @Nullable String payment) {
    }

    @Serdeable
    record LineForm(@Nullable String sku, @Nullable Integer qty) {
    }

    @Serdeable
    record BarcodeRequest(@Nullable String authCode) {
        @Override
        public String toString() {
            return "BarcodeRequest[masked]";
        }
    }

    /** The 201 body: the storefront's, the payment naming the POS's method. */
    @Serdeable
    record Placed(String orderNo, String orderToken, String status, OrderView.Amounts amounts, Payment payment) {

        static Placed of(PlacedOrder placed) {
            Order order = placed.order();
            boolean qr = order.payMethod() == PayMethod.ALIPAY_QR;
            return new Placed(order.orderNo(), placed.orderToken(), order.status().name(),
                    OrderView.Amounts.of(order.amounts()), new Payment(qr ? "ALIPAY_QR" : "BARCODE",
                    qr ? order.paymentLink() : null, order.paymentExpiresAt()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Payment(String method, @Nullable String qrCode, Instant expiresAt) {
    }

    /** @param payment PAID or PAYING (the shopper confirms in their app) */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Charged(String orderNo, String status, String payment, @Nullable String tradeNo) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CounterOrderView(@JsonUnwrapped OrderView order, @Nullable String declarationStatus,
                            List<ReturnSummary> returns) {
    }

    @Serdeable
    record ReturnSummary(String returnNo, String status, Instant requestedAt) {

        static ReturnSummary of(ReturnRequest request) {
            return new ReturnSummary(request.returnNo(), request.status().name(), request.requestedAt());
        }
    }
}
