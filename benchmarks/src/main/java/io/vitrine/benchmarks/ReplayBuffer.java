package io.vitrine.benchmarks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A simulated till's queue of event batches not yet acknowledged, as a POS keeps it across an outage: a batch stays
 * until an answer for it arrived, in the order it was made, and is sent again (same event ids) until then. A batch
 * whose answer was lost ({@link #answerLost}) is also kept although the server applied it, so the replay resends it:
 * the server must answer its events DUPLICATE. Counts what was resent, for the run's checks. Not thread-safe: one
 * store's device owns it.
 */
final class ReplayBuffer<B> {

    private final Deque<B> unacknowledged = new ArrayDeque<>();
    private int resentBatches;

    /** A new batch, queued behind the others. */
    void add(B batch) {
        unacknowledged.addLast(batch);
    }

    /** The oldest batch still to send, or null. */
    B next() {
        return unacknowledged.peekFirst();
    }

    /** The oldest batch was answered: it leaves the queue. */
    void acknowledged() {
        if (unacknowledged.pollFirst() == null) {
            throw new IllegalStateException("nothing was sent");
        }
    }

    /**
     * The oldest batch was applied but its answer never reached the till: it stays at the head and will be sent again.
     * Counted as one resend.
     */
    void answerLost() {
        if (unacknowledged.isEmpty()) {
            throw new IllegalStateException("nothing was sent");
        }
        resentBatches++;
    }

    int pending() {
        return unacknowledged.size();
    }

    int resentBatches() {
        return resentBatches;
    }

    /** The queued batches, oldest first (a copy). */
    List<B> snapshot() {
        return new ArrayList<>(unacknowledged);
    }
}
