package io.vitrine.kernel.tabular.infra;

import io.vitrine.kernel.tabular.TabularFileException;
import io.vitrine.kernel.tabular.TabularFileException.Rule;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An upload copied to a temporary file, so it can be read more than once (checked, then handed over)
 * and never sits in memory. The size limit is enforced while copying: an oversized file costs at
 * most the limit in disk and is refused before any parsing.
 */
final class Spool implements AutoCloseable {

    private final Path file;
    private final long size;

    private Spool(Path file, long size) {
        this.file = file;
        this.size = size;
    }

    static Spool of(InputStream content, long maxBytes) {
        Path file;
        try {
            file = Files.createTempFile("vitrine-tabular-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("no room for an incoming file", e);
        }
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            int read;
            while ((read = content.read(buffer)) != -1) {
                size += read;
                if (size > maxBytes) {
                    throw new TabularFileException(Rule.FILE_TOO_LARGE, "the file is larger than " + megabytes(maxBytes));
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException("could not receive the file", e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
        if (size == 0) {
            deleteQuietly(file);
            throw new TabularFileException(Rule.EMPTY_FILE, "the file is empty");
        }
        return new Spool(file, size);
    }

    Path file() {
        return file;
    }

    long size() {
        return size;
    }

    @Override
    public void close() {
        deleteQuietly(file);
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless
        }
    }
}
