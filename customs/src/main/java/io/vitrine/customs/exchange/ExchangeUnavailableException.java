package io.vitrine.customs.exchange;

/** The channel could not deliver now (unreachable, timed out, failed on its side): retry later. */
public class ExchangeUnavailableException extends RuntimeException {

    public ExchangeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
