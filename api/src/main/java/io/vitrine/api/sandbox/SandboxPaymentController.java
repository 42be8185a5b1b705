package io.vitrine.api.sandbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.tools.fakealipay.FakeAlipay;
import io.vitrine.tools.fakealipay.FakeTrade;

/**
 * Plays the shopper's phone in the embedded sandbox (api.md): the kiosk's QR screen has a "pay" button that calls
 * this, the sandbox gateway marks the trade paid and posts its signed notify to our notify endpoint, which is what
 * moves the order on (exactly as a real payment would). Absent, so 404, while the sandbox is off. Anonymous like
 * the kiosk page: it can only pay a trade that is waiting for payment, in a sandbox where no money moves.
 */
@Controller("/sandbox/alipay")
@Requires(property = SandboxGateway.ENABLED, value = "true")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Sandbox")
class SandboxPaymentController {

    private final SandboxGateway sandbox;

    SandboxPaymentController(SandboxGateway sandbox) {
        this.sandbox = sandbox;
    }

    @Post("/trades/{orderNo}/pay")
    @Operation(summary = "Pay a sandbox trade as the shopper would (sandbox only)",
            description = "404 when the sandbox gateway has no trade for the order (the QR code was never created), "
                    + "409 when it is no longer waiting for payment (paid, closed or refunded).")
    SandboxPayment pay(String orderNo) {
        FakeAlipay gateway = sandbox.gateway();
        FakeTrade trade = gateway.trade(orderNo)
                .orElseThrow(() -> new NotFoundException("The sandbox has no Alipay trade for order " + orderNo + "."));
        if (!"WAIT_BUYER_PAY".equals(trade.status())) {
            throw new ConflictException("The sandbox trade of order " + orderNo + " is " + trade.status()
                    + ", not waiting for payment.");
        }
        FakeAlipay.Payment payment;
        try {
            payment = gateway.pay(orderNo);
        } catch (IllegalStateException e) { // paid or closed between the look and the payment
            throw new ConflictException("The sandbox trade of order " + orderNo + " is no longer waiting for payment.");
        }
        return SandboxPayment.of(payment);
    }
}
