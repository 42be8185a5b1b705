package io.vitrine.api.storefront.orders;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
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
import io.vitrine.api.kiosk.PairedKiosk;
import io.vitrine.api.orders.BuyerForm;
import io.vitrine.api.orders.ConsigneeForm;
import io.vitrine.api.orders.OrderView;
import io.vitrine.api.security.ClientAddress;
import io.vitrine.api.storefront.pages.ShopperAddress;
import io.vitrine.orders.ordering.Order;
import io.vitrine.orders.ordering.OrderPlacement;
import io.vitrine.orders.ordering.OrderReading;
import io.vitrine.orders.ordering.PayMethod;
import io.vitrine.orders.ordering.PlaceOrder;
import io.vitrine.orders.ordering.PlacedOrder;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;

/**
 * A shopper's orders (api.md "Storefront"), anonymous, in the tenant of the {@code /s/{tenant}} path: placing one
 * from a cart (Idempotency-Key honoured; without one a double click still makes one order, the cart being consumed),
 * reading it back with its token, and getting a new token by order number, phone and the ID number's last six
 * characters. Answers are never cached. An order placed from a paired kiosk (its device cookie verified for this shop
 * and the order's store, {@link PairedKiosk}) records the kiosk; any other cookie places it without a device.
 */
@Controller("/s/{tenant}/api/orders")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Storefront")
class OrderController {

    private final OrderPlacement placement;
    private final OrderReading reading;
    private final ShopperAddress addresses;
    private final ClientAddress clientAddress;
    private final PairedKiosk kiosks;

    OrderController(OrderPlacement placement, OrderReading reading, ShopperAddress addresses,
                    ClientAddress clientAddress, PairedKiosk kiosks) {
        this.placement = placement;
        this.reading = reading;
        this.addresses = addresses;
        this.clientAddress = clientAddress;
        this.kiosks = kiosks;
    }

    @Post
    @Idempotent
    @Operation(summary = "Places an order from a cart and opens its Alipay payment",
            description = "201 {orderNo, orderToken, status, amounts, payment{qrCode | redirectUrl, expiresAt}}. 400: "
                    + "cartId, storeCode, payMethod, consignee.* (REQUIRED and their forms). 404: the cart (unknown, "
                    + "expired, another shop's, or already ordered). 409: the same cart ordered at the same moment. "
                    + "422 with code: SINGLE_LIMIT_EXCEEDED, ANNUAL_LIMIT_EXCEEDED, NOT_ON_POSITIVE_LIST, "
                    + "MIXED_TRADE_MODES, MIXED_WAREHOUSES, OUT_OF_STOCK, INVALID_IDENTITY, CONSENT_REQUIRED, "
                    + "NOT_IN_ASSORTMENT, EMPTY_CART, ALIPAY_NOT_CONFIGURED; every refusal in errors, their detail "
                    + "and messages in the Accept-Language (zh-CN, else English). 503: Alipay unreachable (nothing "
                    + "was ordered; retry). Sent from a paired kiosk (its device cookie, for this store), the order "
                    + "records the kiosk; any other cookie is ignored.")
    HttpResponse<Placed> place(@PathVariable String tenant, @Body OrderRequest request, HttpRequest<?> http) {
        // the slug as the client sent it may hold anything: encoded, an unknown shop is the tenant check's 404, not a bad URI
        URI returnPage = URI.create(addresses.absolute(http, "/s/" + java.net.URLEncoder.encode(tenant,
                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20") + "/orders/"));
        String kiosk = kiosks.deviceIdOf(http, request.storeCode()).orElse(null);
        PlacedOrder placed = placement.place(new PlaceOrder(request.cartId(), request.storeCode(),
                BuyerForm.toBuyer(request.buyer()),
                ConsigneeForm.toConsignee(request.consignee()),
                Boolean.TRUE.equals(request.consent()), request.payMethod(), kiosk, returnPage));
        return HttpResponse.<Placed>status(HttpStatus.CREATED).body(Placed.of(placed))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Get("/{orderNo}")
    @Operation(summary = "The order, read with its token",
            description = "Status, amounts, payment, masked buyer and consignee, lines and timeline. Any other token "
                    + "or order number: 404.")
    HttpResponse<OrderView> get(@PathVariable String tenant, @PathVariable String orderNo,
                                @Nullable @QueryValue String token, HttpRequest<?> http) {
        return HttpResponse.ok(OrderView.of(reading.byToken(orderNo, token), http.getLocale().orElse(Locale.ENGLISH)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Post("/lookup")
    @Operation(summary = "A new order token for a shopper who lost the link",
            description = "{orderNo, phone, idNumberLast6} -> {orderToken}. The token is new: the old link stops "
                    + "working. Any mismatch 404 (the same answer whatever was wrong); 5 attempts per order number and "
                    + "per client address in 15 minutes, then 429 with Retry-After.")
    HttpResponse<TokenAnswer> lookup(@PathVariable String tenant, @Body LookupRequest request, HttpRequest<?> http) {
        String token = reading.lookup(request.orderNo(), request.phone(), request.idNumberLast6(),
                clientAddress.of(http));
        return HttpResponse.ok(new TokenAnswer(token)).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Serdeable
    record OrderRequest(@Nullable String cartId, @Nullable String storeCode, @Nullable BuyerForm buyer,
                        @Nullable ConsigneeForm consignee, @Nullable Boolean consent, @Nullable String payMethod) {
    }

    @Serdeable
    record LookupRequest(@Nullable String orderNo, @Nullable String phone, @Nullable String idNumberLast6) {
    }

    @Serdeable
    record TokenAnswer(String orderToken) {
    }

    /** The 201 body, exactly api.md's. */
    @Serdeable
    record Placed(String orderNo, String orderToken, String status, OrderView.Amounts amounts, Payment payment) {

        static Placed of(PlacedOrder placed) {
            Order order = placed.order();
            boolean qr = order.payMethod() == PayMethod.ALIPAY_QR;
            return new Placed(order.orderNo(), placed.orderToken(), order.status().name(),
                    OrderView.Amounts.of(order.amounts()), new Payment(qr ? order.paymentLink() : null,
                    qr ? null : order.paymentLink(), order.paymentExpiresAt()));
        }
    }

    @Serdeable
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Payment(@Nullable String qrCode, @Nullable String redirectUrl, Instant expiresAt) {
    }
}
