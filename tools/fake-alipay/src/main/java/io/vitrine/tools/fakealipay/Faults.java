package io.vitrine.tools.fakealipay;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;

/**
 * What the fake can be told to get wrong, each for the next N occurrences. Thread-safe; counters
 * count down as the faults fire.
 */
public final class Faults {

    private enum Kind { SYSTEM_ERROR, UNREACHABLE, LOST_ANSWER, DELAY, DUPLICATE_NOTIFY, DROPPED_NOTIFY }

    private final EnumMap<Kind, Integer> remaining = new EnumMap<>(Kind.class);
    private Duration delay = Duration.ZERO;
    private BigDecimal wrongNotifyAmount;
    private int refusedRefunds;
    private String refundRefusal;

    /** The next {@code n} gateway calls answer Alipay's "system busy" error (code 20000, isp.unknow-error). */
    public synchronized Faults failNext(int n) {
        return arm(Kind.SYSTEM_ERROR, n);
    }

    /** The next {@code n} gateway calls answer HTTP 502 with no Alipay body, as a broken proxy would. */
    public synchronized Faults unreachableNext(int n) {
        return arm(Kind.UNREACHABLE, n);
    }

    /**
     * The next {@code n} gateway calls are carried out (a trade created, a refund or customs declaration made) but
     * their answer is lost: HTTP 502 instead, as a timeout after the work was done would look to the caller. The
     * caller cannot tell this from {@link #unreachableNext}: only a query shows whether the call took effect.
     */
    public synchronized Faults loseNextAnswers(int n) {
        return arm(Kind.LOST_ANSWER, n);
    }

    /** The next {@code n} gateway calls wait {@code by} before answering. */
    public synchronized Faults delayNext(int n, Duration by) {
        delay = by;
        return arm(Kind.DELAY, n);
    }

    /** The next {@code n} async notifies are sent twice. */
    public synchronized Faults duplicateNextNotifies(int n) {
        return arm(Kind.DUPLICATE_NOTIFY, n);
    }

    /** The next {@code n} async notifies are never sent (lost on the way); a query still shows the payment. */
    public synchronized Faults dropNextNotifies(int n) {
        return arm(Kind.DROPPED_NOTIFY, n);
    }

    /**
     * The next {@code n} alipay.trade.refund calls are refused with 40004 and this sub_code (e.g.
     * {@code ACQ.TRADE_STATUS_ERROR} for a refusal retrying cannot fix, {@code ACQ.SYSTEM_ERROR} for one it can),
     * nothing refunded.
     */
    public synchronized Faults refuseNextRefunds(int n, String subCode) {
        refusedRefunds = n;
        refundRefusal = subCode;
        return this;
    }

    /** The next async notify carries this total_amount instead of the trade's, correctly signed. */
    public synchronized Faults wrongAmountInNextNotify(BigDecimal amount) {
        wrongNotifyAmount = amount;
        return this;
    }

    public synchronized void clear() {
        remaining.clear();
        delay = Duration.ZERO;
        wrongNotifyAmount = null;
        refusedRefunds = 0;
    }

    synchronized boolean takeSystemError() {
        return take(Kind.SYSTEM_ERROR);
    }

    synchronized boolean takeUnreachable() {
        return take(Kind.UNREACHABLE);
    }

    synchronized boolean takeLostAnswer() {
        return take(Kind.LOST_ANSWER);
    }

    synchronized Duration takeDelay() {
        return take(Kind.DELAY) ? delay : Duration.ZERO;
    }

    synchronized boolean takeDuplicateNotify() {
        return take(Kind.DUPLICATE_NOTIFY);
    }

    synchronized boolean takeDroppedNotify() {
        return take(Kind.DROPPED_NOTIFY);
    }

    /** The sub_code to refuse this refund with, or null to carry it out. */
    synchronized String takeRefundRefusal() {
        if (refusedRefunds <= 0) {
            return null;
        }
        refusedRefunds--;
        return refundRefusal;
    }

    synchronized BigDecimal takeWrongNotifyAmount() {
        BigDecimal amount = wrongNotifyAmount;
        wrongNotifyAmount = null;
        return amount;
    }

    private Faults arm(Kind kind, int times) {
        remaining.put(kind, times);
        return this;
    }

    /** True (and one fewer left) when the fault is armed. */
    private boolean take(Kind kind) {
        int left = remaining.getOrDefault(kind, 0);
        if (left <= 0) {
            return false;
        }
        remaining.put(kind, left - 1);
        return true;
    }
}
