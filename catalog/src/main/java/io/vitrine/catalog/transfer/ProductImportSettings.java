package io.vitrine.catalog.transfer;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;

/**
 * {@code vitrine.catalog.import.*}.
 *
 * @param maxFileSize bytes of an uploaded product file (a 100,000-row CSV is about 20MB); keep it at most the
 *                    {@code tabular} file category's limit and a little below {@code micronaut.server.max-request-size}
 *                    (66MB, room for the multipart envelope), so a larger file gets this limit's 413. Files in
 *                    the database are kept in chunks, so the server's {@code max_allowed_packet} does not bound it
 * @param maxRows     data rows per file (a larger file fails its job before any row is read)
 * @param batchSize   rows committed per transaction
 */
@ConfigurationProperties("vitrine.catalog.import")
public record ProductImportSettings(
        @ReadableBytes @Bindable(defaultValue = "64MB") long maxFileSize,
        @Bindable(defaultValue = "100000") int maxRows,
        @Bindable(defaultValue = "500") int batchSize) {

    public ProductImportSettings {
        if (maxFileSize < 1 || maxRows < 1 || batchSize < 1) {
            throw new IllegalArgumentException("vitrine.catalog.import: max-file-size, max-rows and batch-size must be positive");
        }
    }
}
