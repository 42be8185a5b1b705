package io.vitrine.customs.exchange;

/**
 * Where customs' answers arrive. Each file is handed to exactly one handler call across all instances;
 * when the handler returns, the file is archived; when it throws, the file goes back for a later pick-up.
 */
public interface ReceiptInbox {

    /** @return how many files were handled successfully (at most {@code max}) */
    int pickUp(int max, Handler handler);

    @FunctionalInterface
    interface Handler {
        void handle(InboundMessage message);
    }
}
