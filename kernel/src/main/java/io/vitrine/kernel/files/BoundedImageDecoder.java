package io.vitrine.kernel.files;

import io.vitrine.kernel.error.InvalidInputException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * Decodes an uploaded PNG or JPEG with the JDK's ImageIO, nothing native, against decompression bombs: the
 * dimensions are read from the header and checked before a pixel is decoded, and the decode is subsampled to about
 * twice the long side the caller needs, so an image at the limits costs a few megabytes of heap, never
 * width × height × 4 bytes. Every refusal is an {@link InvalidInputException} on the field {@code file}:
 * {@code IMAGE_FORMAT} (no reader), {@code NOT_AN_IMAGE} (the header or the data cannot be read: damaged, truncated,
 * or something else behind the signature), {@code IMAGE_DIMENSIONS} (over the limits).
 */
public final class BoundedImageDecoder {

    private final int maxSide;
    private final long maxPixels;

    /**
     * @param maxSide   a side longer than this is refused whatever the pixel count
     * @param maxPixels width × height above this is refused
     */
    public BoundedImageDecoder(int maxSide, long maxPixels) {
        this.maxSide = maxSide;
        this.maxPixels = maxPixels;
    }

    /** The image's pixels, decoded at {@code width/subsampling}, with the original's dimensions. */
    public record Decoded(BufferedImage pixels, int width, int height) {
    }

    /**
     * Reads the header, refuses what is too large, then decodes at most about {@code 2 × largestLongSide} on the
     * long side (every byte of the data is still read, so a damaged or truncated image is refused).
     *
     * @param format {@code png} or {@code jpeg}: the format the bytes were recognised as
     */
    public Decoded decode(byte[] bytes, String format, int largestLongSide) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (!readers.hasNext()) {
                throw refused("IMAGE_FORMAT", "images are PNG or JPEG");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width;
                int height;
                try {
                    width = reader.getWidth(0);
                    height = reader.getHeight(0);
                } catch (IOException | RuntimeException e) {
                    throw refused("NOT_AN_IMAGE", "the file is not a readable " + format.toUpperCase() + " image");
                }
                requireWithinLimits(width, height);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / (2 * largestLongSide));
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage pixels;
                try {
                    pixels = reader.read(0, param);
                } catch (IOException | RuntimeException e) {
                    throw refused("NOT_AN_IMAGE", "the image's data cannot be read (damaged or unsupported)");
                }
                return new Decoded(pixels, width, height);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Refuses ({@code IMAGE_DIMENSIONS}) dimensions over the limits, for a format whose header the caller read
     * itself.
     */
    public void requireWithinLimits(int width, int height) {
        if (width < 1 || height < 1 || width > maxSide || height > maxSide || (long) width * height > maxPixels) {
            throw refused("IMAGE_DIMENSIONS", "images are at most " + maxSide + " pixels a side and "
                    + maxPixels / 1_000_000 + " megapixels; this one is " + width + "×" + height);
        }
    }

    /** A refusal of the uploaded file, on the field {@code file}. */
    public static InvalidInputException refused(String rule, String message) {
        return InvalidInputException.of("file", rule, message);
    }
}
