package io.vitrine.kernel.files;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A stored file's description.
 *
 * @param contentType established from the content (one of {@link KnownFormat})
 * @param filename    the client's name without any path, for downloads
 */
@Serdeable
public record StoredFile(String id, String category, String filename, String contentType, long size,
                         String sha256, Instant storedAt) {
}
