package io.vitrine.api.storefront.carts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.orders.carts.Carts;
import io.vitrine.orders.carts.PricedCart;

import java.math.BigDecimal;

/**
 * The shopper's cart (api.md "Storefront"), anonymous, in the tenant of the {@code /s/{tenant}} path. The cart id
 * answered at creation is the only key to the cart; another shop's cart id answers 404. Every answer is the cart
 * priced now, never cached by the browser or a proxy. A 422's detail and field messages follow Accept-Language (zh-CN,
 * else English), as the checkout's refusals do.
 */
@Controller("/s/{tenant}/api/carts")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Storefront")
class CartController {

    private final Carts carts;

    CartController(Carts carts) {
        this.carts = carts;
    }

    @Post
    @Operation(summary = "A new, empty cart for one of the shop's stores",
            description = "201 with the cart. storeCode: REQUIRED, UNKNOWN_STORE (400).")
    HttpResponse<CartView> create(@PathVariable String tenant, @Body CreateRequest request) {
        return answer(HttpStatus.CREATED, carts.create(request.storeCode()));
    }

    @Get("/{cartId}")
    @Operation(summary = "The cart priced now",
            description = "Lines whose product was deleted or left the store's assortment are shown with "
                    + "available=false and left out of the amounts. An expired cart (2 h after its last change) "
                    + "or another shop's answers 404.")
    HttpResponse<CartView> get(@PathVariable String tenant, @PathVariable String cartId) {
        return answer(HttpStatus.OK, carts.get(cartId));
    }

    @Put("/{cartId}/items/{sku}")
    @Operation(summary = "Sets the quantity of a product in the cart (0 removes it)",
            description = "qty: REQUIRED, WHOLE_NUMBER, QUANTITY_RANGE 0-99 (400); a 51st line: sku TOO_MANY_LINES "
                    + "(400); a SKU the shop does not have: 422 UNKNOWN_PRODUCT; one the cart's store does not sell: "
                    + "422 NOT_IN_ASSORTMENT (errors: field sku; messages in the Accept-Language, zh-CN or English).")
    HttpResponse<CartView> put(@PathVariable String tenant, @PathVariable String cartId, @PathVariable String sku,
                               @Body QuantityRequest request) {
        return answer(HttpStatus.OK, carts.setQuantity(cartId, sku, request.qty()));
    }

    @Delete("/{cartId}/items/{sku}")
    @Operation(summary = "Removes a product from the cart (nothing happens when it holds none)")
    HttpResponse<CartView> delete(@PathVariable String tenant, @PathVariable String cartId, @PathVariable String sku) {
        return answer(HttpStatus.OK, carts.remove(cartId, sku));
    }

    private static HttpResponse<CartView> answer(HttpStatus status, PricedCart cart) {
        return HttpResponse.<CartView>status(status).body(CartView.of(cart)).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Serdeable
    record CreateRequest(@Nullable String storeCode) {
    }

    /** {@code qty}: whole units, 0-99. */
    @Serdeable
    record QuantityRequest(@Nullable BigDecimal qty) {
    }
}
