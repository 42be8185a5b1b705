package io.vitrine.api.storefront.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import io.vitrine.api.orders.ReturnPhotoFiles;
import io.vitrine.api.views.PageLanguage;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.FieldError;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.files.FileRejectedException;
import io.vitrine.orders.returns.RequestReturn;
import io.vitrine.orders.returns.ReturnPhotos;
import io.vitrine.orders.returns.ReturnRefusedException;
import io.vitrine.orders.returns.ShopperReturns;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order page's "request a return" form, posted without script to {@code /s/{tenant}/orders/{orderNo}/returns?token=}
 * ({@code qty.<sku>} per line, {@code reason}): the same {@link ShopperReturns#request} as the JSON API. Asked: 303
 * back to the order's page, which lists the return and its status. Refused: the order's page again (400 bad input,
 * 422 a rule: RETURN_WINDOW_CLOSED, NOT_RELEASED, RETURN_QUANTITY_EXCEEDED…), the reason next to its field in the
 * shopper's language. The order's token in the address is what a cross-site form cannot know; a form sent twice is a
 * second request, which the quantity rule still bounds (the JSON API's Idempotency-Key is for scripts).
 */
@Controller("/s/{tenant}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
final class ReturnRequestPage {

    private final ShopFront shop;
    private final OrderReturnsSection section;
    private final ShopperReturns returns;
    private final ReturnPhotos photos;

    ReturnRequestPage(ShopFront shop, OrderReturnsSection section, ShopperReturns returns, ReturnPhotos photos) {
        this.shop = shop;
        this.section = section;
        this.returns = returns;
        this.photos = photos;
    }

    /**
     * A photo for one of the order's REQUESTED returns, from the form next to it (multipart part {@code photo}, no
     * script): 303 back to the order's page, which counts it. Refused (not a JPEG/PNG/WebP by its bytes, empty, over
     * 5 MB, a 6th photo, the return no longer REQUESTED): the order's page again, the reason next to that return's form.
     */
    @Post(value = "/orders/{orderNo}/returns/{returnNo}/photos", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> photo(HttpRequest<?> request, @PathVariable String tenant, @PathVariable String orderNo,
                          @PathVariable String returnNo,
                          @Nullable @QueryValue String token, @Part(ReturnPhotos.FIELD) CompletedFileUpload photo) {
        String lang = PageLanguage.requestedTag(request).orElse(null);
        try {
            ReturnPhotoFiles.added(photo, content -> photos.addByShopper(returnNo, token, content));
            return HttpResponse.seeOther(URI.create(ShopperLinks.query(ShopperLinks.order(tenant, orderNo, token),
                    "lang", lang)));
        } catch (InvalidInputException refused) {
            String rule = refused.errors().get(0).rule();
            return photoRefused(HttpStatus.BAD_REQUEST, lang, tenant, orderNo, token, returnNo,
                    rule == null ? "INVALID" : rule);
        } catch (FileRejectedException tooLarge) {
            if (tooLarge.reason() != FileRejectedException.Reason.TOO_LARGE) {
                throw tooLarge; // our configuration, not the shopper's file
            }
            return photoRefused(HttpStatus.REQUEST_ENTITY_TOO_LARGE, lang, tenant, orderNo, token, returnNo,
                    tooLarge.reason().name());
        } catch (ReturnRefusedException refused) {
            return photoRefused(HttpStatus.UNPROCESSABLE_ENTITY, lang, tenant, orderNo, token, returnNo,
                    refused.code());
        } catch (ConflictException refused) {
            return photoRefused(HttpStatus.CONFLICT, lang, tenant, orderNo, token, returnNo, "NOT_REQUESTED");
        }
    }

    private HttpResponse<?> photoRefused(HttpStatus status, @Nullable String lang, String tenant, String orderNo,
                                         @Nullable String token,
                                         String returnNo, String rule) {
        Map<String, Object> model = CheckoutPages.orderModel(shop, section, tenant, orderNo, token, false, lang);
        model.put("photoErrors", Map.of(returnNo, "order.returns.photo." + rule));
        return ShopFront.render("order", model).status(status);
    }

    @Post(value = "/orders/{orderNo}/returns", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> request(HttpRequest<?> request, @PathVariable String tenant, @PathVariable String orderNo,
                            @Nullable @QueryValue String token, @Body Map<String, String> form) {
        String lang = PageLanguage.requestedTag(request).orElse(null);
        List<RequestReturn.Item> items = new ArrayList<>();
        Map<String, String> typed = new HashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("qty.") && value != null && !value.isBlank() && !"0".equals(value.strip())) {
                Integer qty;
                try {
                    qty = Integer.valueOf(value.strip());
                } catch (NumberFormatException notANumber) {
                    qty = null;
                }
                items.add(new RequestReturn.Item(name.substring(4), qty));
                typed.put(name.substring(4), value.strip());
            }
        });
        String reason = form.get("reason");
        try {
            returns.request(orderNo, token, new RequestReturn(items, reason));
            return HttpResponse.seeOther(URI.create(ShopperLinks.query(ShopperLinks.order(tenant, orderNo, token),
                    "lang", lang, "returned", "1")));
        } catch (ReturnRefusedException refused) {
            return again(HttpStatus.UNPROCESSABLE_ENTITY, lang, tenant, orderNo, token,
                    errors("return.refused." + refused.code(), refused.fields(), items), reason, typed);
        } catch (InvalidInputException refused) {
            return again(HttpStatus.BAD_REQUEST, lang, tenant, orderNo, token, errors(null, refused.errors(), items),
                    reason, typed);
        }
    }

    /** Message keys by field: {@code form} for the whole form, {@code reason}, or the line's SKU. */
    private static Map<String, String> errors(@Nullable String code, List<FieldError> fields,
                                              List<RequestReturn.Item> items) {
        Map<String, String> byField = new HashMap<>();
        if (code != null) {
            byField.put("form", code);
        }
        for (FieldError error : fields) {
            String rule = error.rule() == null ? "INVALID" : error.rule();
            String key = code != null ? code : "return.rule." + rule;
            String field = error.field();
            if (field.startsWith("items[")) {
                int index = Integer.parseInt(field.substring(6, field.indexOf(']')));
                byField.put(index < items.size() ? "qty." + items.get(index).sku() : "form",
                        code != null ? "return.refused." + rule : key);
            } else {
                byField.put(field.equals("reason") ? "reason" : "form", key);
            }
        }
        return byField;
    }

    private HttpResponse<?> again(HttpStatus status, @Nullable String lang, String tenant, String orderNo,
                                  @Nullable String token,
                                  Map<String, String> errors, @Nullable String reason, Map<String, String> typed) {
        Map<String, Object> model = CheckoutPages.orderModel(shop, section, tenant, orderNo, token, false, lang);
        model.put("returnErrors", errors);
        model.put("returnReason", reason == null ? "" : reason);
        model.put("returnTyped", typed);
        return ShopFront.render("order", model).status(status);
    }
}
