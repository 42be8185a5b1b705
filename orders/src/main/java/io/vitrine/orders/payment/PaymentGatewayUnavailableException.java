package io.vitrine.orders.payment;

/**
 * The provider could not be reached, timed out, or said it is busy: the outcome of the call is unknown.
 * Retry the same call later; the trade and request numbers make a repeat safe (precreate answers the
 * same trade, a refund with the same out_request_no refunds once).
 */
public class PaymentGatewayUnavailableException extends RuntimeException {

    public PaymentGatewayUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public PaymentGatewayUnavailableException(String message) {
        super(message);
    }
}
