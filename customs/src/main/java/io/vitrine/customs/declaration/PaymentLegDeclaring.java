package io.vitrine.customs.declaration;

import io.micronaut.context.annotation.Requires;
import io.vitrine.kernel.outbox.DeliveredEvent;
import io.vitrine.kernel.outbox.OutboxListener;
import io.vitrine.kernel.outbox.OutboxRetries;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.ordering.ClearanceCancellations;
import io.vitrine.orders.ordering.ClearanceRefusal;
import io.vitrine.orders.payment.CustomsDeclarationQuery;
import io.vitrine.orders.payment.PaymentGateway;
import io.vitrine.orders.payment.PaymentGatewayUnavailableException;
import io.vitrine.orders.payment.PaymentRefusedException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;

/**
 * The payment leg (outbox listener {@value #NAME}, on {@link DeclarationOpened}; on whenever the order leg is, like
 * {@code PaidOrderDeclaration}): the payment company declares the order's payment to customs through Alipay's
 * {@code alipay.trade.customs.declare}, under the order's one request number, stored before the first call.
 * <ul>
 *   <li>identity_check T: the leg ACCEPTED and {@link DeclarationLegAccepted} published (once);</li>
 *   <li>identity_check F — the payer is not the buyer —: the leg REJECTED and the order cancelled with a full refund
 *   and its quota released, {@link ClearanceRefusal#PAYER_NOT_BUYER} on its timeline (orders'
 *   {@link ClearanceCancellations}); retried until done, since the refund may fail on its own;</li>
 *   <li>no answer (timeout, unreachable, busy): the outcome is unknown, the delivery fails and the outbox retries
 *   (until delivered). The retry first asks {@code alipay.trade.customs.query} by the request number and declares
 *   again only when Alipay says it has no such declaration: a payment is never declared twice blindly;</li>
 *   <li>a business refusal by Alipay, or a query saying customs failed it: the leg REJECTED with the reason and the
 *   order REJECTED (orders' {@code Clearances.rejected}), for the staff to look at.</li>
 * </ul>
 * A declaration already accepted or rejected is not sent again, whatever is redelivered.
 */
@Singleton
@Requires(beans = OrderLegSending.class)
class PaymentLegDeclaring implements OutboxListener {

    static final String NAME = "customs.declare-payment";
    private static final Logger LOG = LoggerFactory.getLogger(PaymentLegDeclaring.class);

    private final PaymentLegRecording recording;
    private final PaymentLegRequests requests;
    private final PaymentGateway gateway;
    private final ClearanceCancellations cancellations;

    PaymentLegDeclaring(PaymentLegRecording recording, PaymentLegRequests requests, PaymentGateway gateway,
                        ClearanceCancellations cancellations) {
        this.recording = recording;
        this.requests = requests;
        this.gateway = gateway;
        this.cancellations = cancellations;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(DeclarationOpened.TYPE);
    }

    /** A payment that was made must be declared: an Alipay outage is waited out, never given up on. */
    @Override
    public OutboxRetries retries() {
        return OutboxRetries.UNTIL_DELIVERED;
    }

    @Override
    public void on(DeliveredEvent event) {
        DeclarationOpened opened = event.payloadAs(DeclarationOpened.class);
        TenantId tenant = opened.tenant();
        String orderNo = opened.orderNo();
        PaymentDeclaration declaration = recording.prepare(tenant, orderNo);
        if (declaration.state() == PaymentDeclaration.State.UNKNOWN) {
            declaration = askAlipay(tenant, declaration);
        }
        if (declaration.state() == PaymentDeclaration.State.PREPARED) {
            declaration = declare(tenant, declaration);
        }
        if (declaration.payerIsNotTheBuyer()) {
            cancellations.cancel(orderNo, ClearanceRefusal.PAYER_NOT_BUYER);
        }
    }

    /** After an unknown outcome: what Alipay has under the request number; PREPARED again when it has nothing. */
    private PaymentDeclaration askAlipay(TenantId tenant, PaymentDeclaration unknown) {
        CustomsDeclarationQuery answer = gateway.queryCustomsDeclarations(tenant, List.of(unknown.outRequestNo()));
        var found = answer.declarations().stream()
                .filter(d -> d.outRequestNo().equals(unknown.outRequestNo())).findFirst();
        if (found.isEmpty()) {
            LOG.info("customs: payment declaration {} of {} unknown to Alipay, declaring it", unknown.outRequestNo(),
                    unknown.orderNo());
            return new PaymentDeclaration(unknown.tenant(), unknown.orderNo(), unknown.outRequestNo(),
                    PaymentDeclaration.State.PREPARED, unknown.alipayDeclareNo(), unknown.payCode(),
                    unknown.payTransactionId(), unknown.verDept(), unknown.identityCheck(), unknown.attempts(),
                    unknown.lastError(), unknown.createdAt(), unknown.updatedAt());
        }
        PaymentDeclaration settled = recording.found(tenant, unknown.orderNo(), found.get());
        if (settled.state() == PaymentDeclaration.State.UNKNOWN) {
            throw new IllegalStateException("payment declaration " + unknown.outRequestNo() + " is "
                    + found.get().status() + " at Alipay; asking again later");
        }
        return settled;
    }

    private PaymentDeclaration declare(TenantId tenant, PaymentDeclaration prepared) {
        var request = requests.request(prepared.orderNo(), prepared.outRequestNo());
        recording.attempting(tenant, prepared.orderNo());
        try {
            return recording.answered(tenant, prepared.orderNo(), gateway.declareToCustoms(tenant, request));
        } catch (PaymentGatewayUnavailableException e) {
            recording.unanswered(tenant, prepared.orderNo(), e.getMessage());
            throw e;
        } catch (PaymentRefusedException e) {
            LOG.warn("customs: Alipay refused the payment declaration of {}: {}", prepared.orderNo(), e.getMessage());
            return recording.refused(tenant, prepared.orderNo(), e.code() + ": " + e.getMessage());
        }
    }
}
