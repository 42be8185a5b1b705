package io.vitrine.kernel.files;

import io.vitrine.kernel.tenancy.TenantId;

import java.io.InputStream;
import java.util.Optional;

/**
 * Uploaded files (licences, product images), always owned by one tenant. Adapters: a local
 * folder (embedded default) and the database (cluster: shared by every instance), chosen by
 * {@code vitrine.files.backend: local|database}. Each category has a size limit and a list of
 * allowed content types ({@code vitrine.files.categories.<name>}); the content type is
 * established from the file's first bytes, not taken from the client.
 */
public interface FileStorage {

    /**
     * Checks and stores a file. The stream is read to its end (or just past the size limit) but
     * not closed.
     *
     * @param declaredContentType what the client says it is; must match what the bytes are
     * @throws FileRejectedException unknown category, type not allowed, content not matching
     *                               the declared type, empty or too large
     */
    StoredFile store(TenantId tenant, String category, String filename, String declaredContentType, InputStream content);

    /** The file, if this tenant owns one with this id; another tenant's id is simply not found. */
    Optional<FileContent> open(TenantId tenant, String id);

    /** Deletes this tenant's file; false when it has none with this id. */
    boolean delete(TenantId tenant, String id);
}
