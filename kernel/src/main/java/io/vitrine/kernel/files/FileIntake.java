package io.vitrine.kernel.files;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.vitrine.kernel.files.FileRejectedException.Reason.CONTENT_NOT_AS_DECLARED;
import static io.vitrine.kernel.files.FileRejectedException.Reason.EMPTY;
import static io.vitrine.kernel.files.FileRejectedException.Reason.TOO_LARGE;
import static io.vitrine.kernel.files.FileRejectedException.Reason.TYPE_NOT_ALLOWED;
import static io.vitrine.kernel.files.FileRejectedException.Reason.UNKNOWN_CATEGORY;

/**
 * What every storage adapter does before keeping an upload: applies the category's rules and
 * spools the bytes to a temporary file, hashing and measuring them on the way. The limit is
 * enforced while reading, so an oversized upload costs at most the limit in disk and never in memory.
 */
@Singleton
public class FileIntake {

    private final Map<String, FileCategory> categories;

    public FileIntake(List<FileCategory> categories) {
        this.categories = categories.stream().collect(Collectors.toUnmodifiableMap(FileCategory::name, Function.identity()));
    }

    /**
     * @param spoolDirectory where to put the temporary file; {@code null} for the system's temp folder
     */
    public CheckedUpload check(String categoryName, String filename, String declaredContentType, InputStream content,
                               @Nullable Path spoolDirectory) {
        FileCategory category = categories.get(categoryName);
        if (category == null) {
            throw new FileRejectedException(UNKNOWN_CATEGORY, "no file category named " + categoryName);
        }
        if (!category.allows(declaredContentType)) {
            throw new FileRejectedException(TYPE_NOT_ALLOWED,
                    categoryName + " files may be " + String.join(", ", category.allowedTypes()) + ", not " + declaredContentType);
        }
        Path spooled = createSpoolFile(spoolDirectory);
        try {
            Spooled written = spool(content, spooled, category);
            if (written.size() == 0) {
                throw new FileRejectedException(EMPTY, "the file is empty");
            }
            KnownFormat format = KnownFormat.of(written.head())
                    .filter(known -> category.allows(known.contentType()) && known.contentType().equalsIgnoreCase(declaredContentType.trim()))
                    .orElseThrow(() -> new FileRejectedException(CONTENT_NOT_AS_DECLARED,
                            "the file's content is not " + declaredContentType));
            return new CheckedUpload(spooled, categoryName, plainFilename(filename), format, written.size(), written.sha256());
        } catch (RuntimeException e) {
            deleteQuietly(spooled);
            throw e;
        }
    }

    private record Spooled(long size, byte[] head, String sha256) {
    }

    private static Spooled spool(InputStream content, Path target, FileCategory category) {
        MessageDigest sha256 = sha256();
        byte[] head = new byte[KnownFormat.HEAD_LENGTH];
        int headLength = 0;
        long size = 0;
        byte[] buffer = new byte[16 * 1024];
        try (OutputStream out = Files.newOutputStream(target)) {
            int read;
            while ((read = content.read(buffer)) != -1) {
                size += read;
                if (size > category.maxSize()) {
                    throw new FileRejectedException(TOO_LARGE,
                            category.name() + " files are at most " + category.maxSize() + " bytes");
                }
                if (headLength < head.length) {
                    int copy = Math.min(read, head.length - headLength);
                    System.arraycopy(buffer, 0, head, headLength, copy);
                    headLength += copy;
                }
                sha256.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not receive the upload", e);
        }
        return new Spooled(size, java.util.Arrays.copyOf(head, headLength), HexFormat.of().formatHex(sha256.digest()));
    }

    /** The client's name without any folder ("C:\fakepath\x.pdf" is "x.pdf") or control characters. */
    static String plainFilename(String filename) {
        String name = filename == null ? "" : filename;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "file";
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    private static Path createSpoolFile(@Nullable Path directory) {
        try {
            if (directory == null) {
                return Files.createTempFile("vitrine-upload-", ".part");
            }
            Files.createDirectories(directory);
            return Files.createTempFile(directory, "upload-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("no room for an incoming file", e);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless; the folder is for uploads in progress only
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
