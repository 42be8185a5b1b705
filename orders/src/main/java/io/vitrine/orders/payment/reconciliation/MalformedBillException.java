package io.vitrine.orders.payment.reconciliation;

/** The bill cannot be trusted as read (not a zip, no detail CSV, a missing column, a bad amount, a footer that
 * does not match its lines): nothing is compared, the run is kept as failed with this message. */
public class MalformedBillException extends RuntimeException {

    public MalformedBillException(String message) {
        super(message);
    }

    public MalformedBillException(String message, Throwable cause) {
        super(message, cause);
    }
}
