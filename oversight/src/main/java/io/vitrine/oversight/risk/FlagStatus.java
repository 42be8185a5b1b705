package io.vitrine.oversight.risk;

/** A risk flag waits for review ({@link #OPEN}) until a park admin releases the order or cancels it. */
public enum FlagStatus {
    OPEN,
    RELEASED,
    CANCELLED
}
