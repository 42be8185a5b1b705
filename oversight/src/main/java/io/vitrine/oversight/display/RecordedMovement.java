package io.vitrine.oversight.display;

/** A movement as recorded, and whether this request recorded it or found it recorded by an earlier one (a retry). */
public record RecordedMovement(DisplayMovement movement, boolean replayed) {
}
