package io.vitrine.customs.exchange;

/**
 * Hands a signed message over to the single window. Sending the same message again (same MsgType and
 * CopMsgId) is safe: it replaces or repeats the first delivery, never creates a second message, so the
 * caller may retry after any failure.
 */
public interface ExchangeChannel {

    /**
     * @throws ExchangeUnavailableException the other side could not be reached or failed; retry later
     * @throws ExchangeRejectedException    the other side refused the message; retrying will not help
     */
    void send(DxpMessage message);
}
