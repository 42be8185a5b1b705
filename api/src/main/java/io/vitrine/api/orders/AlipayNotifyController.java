package io.vitrine.api.orders;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.orders.ordering.PaymentNotifications;

import java.util.Map;

/**
 * Alipay's asynchronous payment notify (api.md; domain.md "Alipay"): a signed form, answered with the text
 * {@code success} once it is applied, so Alipay stops sending it. The tenant is the order number's
 * ({@code out_trade_no}); the signature is checked with that tenant's Alipay public key. A forged or unsigned
 * notify is 400 (problem+json; nothing changes, and Alipay retries a genuine one); an unknown order number 404 —
 * the same answer whether the number was never issued or is another deployment's.
 */
@Controller("/api/v1/payments/alipay/notify")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Payments")
class AlipayNotifyController {

    private final PaymentNotifications notifications;

    AlipayNotifyController(PaymentNotifications notifications) {
        this.notifications = notifications;
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_PLAIN)
    @Operation(summary = "Alipay async notify (form); answers success once applied")
    HttpResponse<String> notify(@Body Map<String, String> form) {
        notifications.receive(form);
        return HttpResponse.ok("success");
    }
}
