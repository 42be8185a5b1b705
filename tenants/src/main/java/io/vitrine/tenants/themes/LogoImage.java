package io.vitrine.tenants.themes;

import io.vitrine.kernel.files.BoundedImageDecoder;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * What a logo must be beyond its leading bytes (which the kernel's file intake checks): a PNG or JPEG decodes with
 * ImageIO ({@link BoundedImageDecoder}: a damaged or truncated image, or anything else behind an image signature, is
 * {@code NOT_AN_IMAGE}); its dimensions are at most {@link #MAX_SIDE} a side and {@link #MAX_PIXELS}, read from the
 * header before any pixel is decoded ({@code IMAGE_DIMENSIONS}: a decompression bomb fits in the size limit); a PNG
 * ends with its IEND chunk and a WebP with its RIFF container ({@code IMAGE_TRAILING_DATA}: a file that is an image
 * and something else too, a polyglot). The JDK has no WebP decoder: a WebP's container and frame header are read
 * for its dimensions, its pixels are not decoded. SVG never gets here: the category refuses it.
 */
final class LogoImage {

    static final int MAX_SIDE = 4096;
    static final long MAX_PIXELS = 16_000_000L;
    /** Logos are shown small: the check decodes at about twice this on the long side (every byte is still read). */
    private static final int SHOWN_LONG_SIDE = 256;
    private static final BoundedImageDecoder DECODER = new BoundedImageDecoder(MAX_SIDE, MAX_PIXELS);
    private static final int PNG_SIGNATURE_LENGTH = 8;

    private LogoImage() {
    }

    /** Refuses, on the field {@code file}, a logo of this content type whose bytes are not what a logo must be. */
    static void check(byte[] bytes, String contentType) {
        switch (contentType) {
            case "image/png" -> {
                DECODER.decode(bytes, "png", SHOWN_LONG_SIDE);
                requireEndAtIend(bytes);
            }
            case "image/jpeg" -> DECODER.decode(bytes, "jpeg", SHOWN_LONG_SIDE);
            case "image/webp" -> checkWebp(bytes);
            default -> throw BoundedImageDecoder.refused("IMAGE_FORMAT", "logos are PNG, JPEG or WebP images");
        }
    }

    /** Walks the chunks (length, type, data, CRC) from the signature to IEND, which must be the file's last bytes. */
    private static void requireEndAtIend(byte[] bytes) {
        ByteBuffer png = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        int at = PNG_SIGNATURE_LENGTH;
        while (at + 8 <= bytes.length) {
            long length = Integer.toUnsignedLong(png.getInt(at));
            String type = new String(bytes, at + 4, 4, StandardCharsets.US_ASCII);
            long next = at + 12 + length;
            if (next > bytes.length) {
                break;
            }
            if (type.equals("IEND")) {
                if (next != bytes.length) {
                    throw trailingData();
                }
                return;
            }
            at = (int) next;
        }
        throw BoundedImageDecoder.refused("NOT_AN_IMAGE", "the PNG image does not end (no IEND chunk)");
    }

    /** RIFF "WEBP" with one VP8, VP8L or VP8X frame header first; the container's size is the file's. */
    private static void checkWebp(byte[] bytes) {
        if (bytes.length < 30) {
            throw notWebp();
        }
        ByteBuffer webp = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long riffSize = Integer.toUnsignedLong(webp.getInt(4));
        if (riffSize + 8 < bytes.length) {
            throw trailingData();
        }
        if (riffSize + 8 > bytes.length) {
            throw BoundedImageDecoder.refused("NOT_AN_IMAGE", "the WebP image is cut short");
        }
        String frame = new String(bytes, 12, 4, StandardCharsets.US_ASCII);
        switch (frame) {
            case "VP8 " -> {
                if ((bytes[23] & 0xff) != 0x9d || (bytes[24] & 0xff) != 0x01 || (bytes[25] & 0xff) != 0x2a) {
                    throw notWebp();
                }
                DECODER.requireWithinLimits(webp.getShort(26) & 0x3fff, webp.getShort(28) & 0x3fff);
            }
            case "VP8L" -> {
                if ((bytes[20] & 0xff) != 0x2f) {
                    throw notWebp();
                }
                int bits = webp.getInt(21);
                DECODER.requireWithinLimits((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
            }
            case "VP8X" -> DECODER.requireWithinLimits(uint24(bytes, 24) + 1, uint24(bytes, 27) + 1);
            default -> throw notWebp();
        }
    }

    private static int uint24(byte[] bytes, int at) {
        return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16;
    }

    private static RuntimeException notWebp() {
        return BoundedImageDecoder.refused("NOT_AN_IMAGE", "the file is not a readable WEBP image");
    }

    private static RuntimeException trailingData() {
        return BoundedImageDecoder.refused("IMAGE_TRAILING_DATA",
                "the file goes on after its image ends: a logo is an image and nothing else");
    }
}
