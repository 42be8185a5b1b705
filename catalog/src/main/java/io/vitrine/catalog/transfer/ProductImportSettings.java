package io.vitrine.catalog.transfer;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;

/**
 * {@code vitrine.catalog.import.*}.
 *
 * @param maxFileSize bytes of an uploaded product file; keep it below {@code micronaut.server.max-request-size}
 *                    (10MB) so a larger file gets this limit's 413, and (cluster mode, files in the database)
 *                    below the server's {@code max_allowed_packet}
 * @param maxRows     data rows per file (a larger file fails its job before any row is read)
 * @param batchSize   rows committed per transaction
 */
@ConfigurationProperties("vitrine.catalog.import")
public record ProductImportSettings(
        @ReadableBytes @Bindable(defaultValue = "8MB") long maxFileSize,
        @Bindable(defaultValue = "100000") int maxRows,
        @Bindable(defaultValue = "500") int batchSize) {

    public ProductImportSettings {
        if (maxFileSize < 1 || maxRows < 1 || batchSize < 1) {
            throw new IllegalArgumentException("vitrine.catalog.import: max-file-size, max-rows and batch-size must be positive");
        }
    }
}
