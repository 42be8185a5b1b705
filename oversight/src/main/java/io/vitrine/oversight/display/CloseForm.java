package io.vitrine.oversight.display;

import io.micronaut.core.annotation.Nullable;

/**
 * Closing a display account as a client sends it, unchecked: the China date ({@code yyyy-MM-dd}) the guarantee was
 * released and the release's reference.
 */
public record CloseForm(@Nullable String releasedOn, @Nullable String releaseReference) {
}
