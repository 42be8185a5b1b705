package io.vitrine.tools.fakealipay;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * What the fake can be told to get wrong, each for the next N occurrences. Thread-safe; counters
 * count down as the faults fire.
 */
public final class Faults {

    private int systemErrors;
    private int unreachable;
    private int delayed;
    private Duration delay = Duration.ZERO;
    private int duplicateNotifies;
    private int droppedNotifies;
    private BigDecimal wrongNotifyAmount;

    /** The next {@code n} gateway calls answer Alipay's "system busy" error (code 20000, isp.unknow-error). */
    public synchronized Faults failNext(int n) {
        systemErrors = n;
        return this;
    }

    /** The next {@code n} gateway calls answer HTTP 502 with no Alipay body, as a broken proxy would. */
    public synchronized Faults unreachableNext(int n) {
        unreachable = n;
        return this;
    }

    /** The next {@code n} gateway calls wait {@code by} before answering. */
    public synchronized Faults delayNext(int n, Duration by) {
        delayed = n;
        delay = by;
        return this;
    }

    /** The next {@code n} async notifies are sent twice. */
    public synchronized Faults duplicateNextNotifies(int n) {
        duplicateNotifies = n;
        return this;
    }

    /** The next {@code n} async notifies are never sent (lost on the way); a query still shows the payment. */
    public synchronized Faults dropNextNotifies(int n) {
        droppedNotifies = n;
        return this;
    }

    /** The next async notify carries this total_amount instead of the trade's, correctly signed. */
    public synchronized Faults wrongAmountInNextNotify(BigDecimal amount) {
        wrongNotifyAmount = amount;
        return this;
    }

    public synchronized void clear() {
        systemErrors = 0;
        unreachable = 0;
        delayed = 0;
        duplicateNotifies = 0;
        droppedNotifies = 0;
        wrongNotifyAmount = null;
    }

    synchronized boolean takeSystemError() {
        boolean fire = systemErrors > 0;
        systemErrors -= fire ? 1 : 0;
        return fire;
    }

    synchronized boolean takeUnreachable() {
        boolean fire = unreachable > 0;
        unreachable -= fire ? 1 : 0;
        return fire;
    }

    synchronized Duration takeDelay() {
        boolean fire = delayed > 0;
        delayed -= fire ? 1 : 0;
        return fire ? delay : Duration.ZERO;
    }

    synchronized boolean takeDuplicateNotify() {
        boolean fire = duplicateNotifies > 0;
        duplicateNotifies -= fire ? 1 : 0;
        return fire;
    }

    synchronized boolean takeDroppedNotify() {
        boolean fire = droppedNotifies > 0;
        droppedNotifies -= fire ? 1 : 0;
        return fire;
    }

    synchronized BigDecimal takeWrongNotifyAmount() {
        BigDecimal amount = wrongNotifyAmount;
        wrongNotifyAmount = null;
        return amount;
    }
}
