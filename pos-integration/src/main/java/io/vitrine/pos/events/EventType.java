package io.vitrine.pos.events;

/** What a POS event reports (api.md "POS and kiosk devices"). */
public enum EventType {
    /** Units sold at the till: store stock goes down. */
    SALE,
    /** Units brought back to the till: store stock goes up. */
    RETURN,
    /** A shelf count: sets the store stock as of its time. */
    STOCK_COUNT,
    /** The device is alive: fleet status. */
    HEARTBEAT;

    /** Whether the event carries SKU lines that touch store stock. */
    public boolean movesStock() {
        return this != HEARTBEAT;
    }
}
