package io.vitrine.kernel.files;

import java.io.Closeable;
import java.nio.file.Path;

/**
 * An upload that passed its category's rules, waiting in a temporary file for an adapter to keep
 * it. Closing deletes the temporary file if the adapter did not move it away.
 */
public record CheckedUpload(Path spooled, String category, String filename, KnownFormat format, long size,
                            String sha256) implements Closeable {

    @Override
    public void close() {
        FileIntake.deleteQuietly(spooled);
    }
}
