package io.vitrine.api.orders;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.kernel.files.FileContent;
import io.vitrine.orders.returns.ReturnPhoto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.function.Function;

/**
 * What the staff's, the shopper's and the console's photo routes share: a photo's view, handing an upload's bytes to
 * {@code ReturnPhotos} (its name and declared type are never used: the bytes decide) and serving a photo privately.
 */
public final class ReturnPhotoFiles {

    private ReturnPhotoFiles() {
    }

    /** A return photo; {@code url} reads it back by the same route (plus the token for the shopper). */
    @Serdeable
    public record PhotoView(String photoId, String returnNo, String contentType, long size, Instant createdAt,
                            String url) {

        public static PhotoView of(ReturnPhoto photo, String url) {
            return new PhotoView(photo.id(), photo.returnNo(), photo.contentType(), photo.size(), photo.createdAt(),
                    url);
        }
    }

    /** The upload's bytes given to {@code add}, closed after. */
    public static ReturnPhoto added(CompletedFileUpload upload, Function<InputStream, ReturnPhoto> add) {
        try (InputStream content = upload.getInputStream()) {
            return add.apply(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The photo inline, never cached by a shared cache, its sniffed type kept ({@code nosniff}). */
    public static HttpResponse<StreamedFile> served(FileContent content) {
        return HttpResponse.ok(new StreamedFile(content.stream(), MediaType.of(content.file().contentType()),
                        content.file().storedAt().toEpochMilli(), content.file().size()))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                .header("X-Content-Type-Options", "nosniff");
    }
}
