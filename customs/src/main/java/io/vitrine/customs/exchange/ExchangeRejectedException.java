package io.vitrine.customs.exchange;

/** The other side refused the message itself: sending it again unchanged will not help. */
public class ExchangeRejectedException extends RuntimeException {

    public ExchangeRejectedException(String message) {
        super(message);
    }
}
