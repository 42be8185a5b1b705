package io.vitrine.pos.feed;

/** What a device does with a SKU named in its feed: keep this state of it, or drop it from its catalog. */
public enum ChangeOp {
    UPSERT,
    DELETE
}
