package io.vitrine.pos.events;

/** The answer for one event of a batch. */
public enum EventStatus {
    /** Applied now, once. */
    ACCEPTED,
    /** Applied before (the same id and the same content): nothing done again; the device may forget it. */
    DUPLICATE,
    /** Not applied, with the reason: the device should correct it or drop it, the rest of the batch is unaffected. */
    REJECTED
}
