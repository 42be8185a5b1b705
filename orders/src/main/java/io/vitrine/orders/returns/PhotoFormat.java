package io.vitrine.orders.returns;

import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.files.KnownFormat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * What a return photo is, told by its first bytes alone (never by its name or the client's Content-Type): JPEG, PNG
 * or WebP, anything else 400 on field {@code photo} with rule {@code NOT_AN_IMAGE} (or {@code EMPTY}).
 */
final class PhotoFormat {

    static final Set<KnownFormat> ALLOWED = Set.of(KnownFormat.JPEG, KnownFormat.PNG, KnownFormat.WEBP);

    private PhotoFormat() {
    }

    /** The upload's format and the stream to store, positioned at its first byte again. */
    record Sniffed(KnownFormat format, InputStream content) {
    }

    static Sniffed sniff(InputStream upload) {
        BufferedInputStream content = new BufferedInputStream(upload, KnownFormat.HEAD_LENGTH * 2);
        try {
            content.mark(KnownFormat.HEAD_LENGTH);
            byte[] head = content.readNBytes(KnownFormat.HEAD_LENGTH);
            content.reset();
            if (head.length == 0) {
                throw InvalidInputException.of(ReturnPhotos.FIELD, "EMPTY", "the photo is empty");
            }
            KnownFormat format = KnownFormat.of(head).filter(ALLOWED::contains).orElseThrow(() ->
                    InvalidInputException.of(ReturnPhotos.FIELD, "NOT_AN_IMAGE",
                            "a photo is a JPEG, PNG or WebP image (told by its content, not its name)"));
            return new Sniffed(format, content);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the photo", e);
        }
    }
}
