package io.vitrine.tenants.stores.provisioning;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;

import java.time.Duration;

/**
 * {@code vitrine.stores.import.*}. The purge of credentials nobody downloaded runs every
 * {@code vitrine.stores.import.purge-every} (default 10m) on every instance.
 *
 * @param maxFileSize    bytes of an uploaded store file; keep it below {@code micronaut.server.max-request-size}
 *                       so a larger file gets this limit's 413 (the request limit's 413 reaches some clients
 *                       only when the server drops the connection, since the body is left unread)
 * @param maxRows        data rows per import file (a larger file fails its job before any row is read)
 * @param batchSize      rows committed per transaction
 * @param credentialsTtl how long new credentials wait, sealed, for their one download; then they are purged
 */
@ConfigurationProperties("vitrine.stores.import")
public record StoreImportSettings(
        @ReadableBytes @Bindable(defaultValue = "8MB") long maxFileSize,
        @Bindable(defaultValue = "10000") int maxRows,
        @Bindable(defaultValue = "100") int batchSize,
        @Bindable(defaultValue = "24h") Duration credentialsTtl) {

    public StoreImportSettings {
        if (maxFileSize < 1 || maxRows < 1 || batchSize < 1 || credentialsTtl.isNegative() || credentialsTtl.isZero()) {
            throw new IllegalArgumentException(
                    "vitrine.stores.import: max-file-size, max-rows, batch-size and credentials-ttl must be positive");
        }
    }
}
