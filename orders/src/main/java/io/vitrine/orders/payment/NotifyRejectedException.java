package io.vitrine.orders.payment;

/** A payment notify that cannot be trusted (unsigned, forged, another app's, incomplete); nothing acts on it. */
public class NotifyRejectedException extends RuntimeException {

    public NotifyRejectedException(String message) {
        super(message);
    }

    public NotifyRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
