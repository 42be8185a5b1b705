package io.vitrine.catalog.images;

import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.files.BoundedImageDecoder;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Decoding (the kernel's {@link BoundedImageDecoder}) and re-encoding with the JDK's ImageIO and Java 2D, nothing
 * native. The dimensions are read from the header and checked before a pixel is decoded, and the decode itself is
 * subsampled to about twice the largest rendition, so even an image at the limits costs a few megabytes of heap.
 * Renditions are written from pixels only: no EXIF, GPS or comment of the upload survives.
 */
final class ImageFrames {

    /** A side longer than this is refused whatever the pixel count. */
    static final int MAX_SIDE = 10_000;
    /** 40 megapixels: far above any product photo, far below what would exhaust the heap if decoded in full. */
    static final long MAX_PIXELS = 40_000_000L;
    private static final float JPEG_QUALITY = 0.85f;

    private ImageFrames() {
    }

    private static final BoundedImageDecoder DECODER = new BoundedImageDecoder(MAX_SIDE, MAX_PIXELS);

    /** The upload's pixels, decoded at {@code width/subsampling}, with the original's dimensions. */
    record Decoded(BufferedImage pixels, int width, int height) {
    }

    /**
     * Reads the header, refuses what is too large, then decodes at most about {@code 2 × largestLongSide} on the
     * long side (the kernel's {@link BoundedImageDecoder}).
     *
     * @param format {@code png} or {@code jpeg}: the format the bytes were recognised as
     */
    static Decoded decode(byte[] bytes, String format, int largestLongSide) {
        BoundedImageDecoder.Decoded decoded = DECODER.decode(bytes, format, largestLongSide);
        return new Decoded(decoded.pixels(), decoded.width(), decoded.height());
    }

    /** The dimensions of {@code width × height} fitted into {@code longSide}, keeping the aspect, never enlarged. */
    static int[] fitted(int width, int height, int longSide) {
        int longest = Math.max(width, height);
        if (longest <= longSide) {
            return new int[]{width, height};
        }
        double scale = (double) longSide / longest;
        return new int[]{Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale))};
    }

    /**
     * The pixels scaled to exactly {@code width × height}, halving step by step (bilinear each time) so that a large
     * reduction does not alias.
     */
    static BufferedImage scaled(BufferedImage source, int width, int height, boolean opaque) {
        int type = opaque ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB;
        BufferedImage current = source;
        boolean done = false;
        while (!done) {
            int w = current.getWidth() / 2 >= width ? current.getWidth() / 2 : width;
            int h = current.getHeight() / 2 >= height ? current.getHeight() / 2 : height;
            done = w == width && h == height;
            BufferedImage next = new BufferedImage(w, h, type);
            Graphics2D g = next.createGraphics();
            try {
                if (opaque) {
                    g.setColor(Color.WHITE); // a JPEG has no transparency: what was transparent becomes white
                    g.fillRect(0, 0, w, h);
                }
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(current, 0, 0, w, h, null);
            } finally {
                g.dispose();
            }
            current = next;
        }
        return current;
    }

    /** PNG, or JPEG at quality 0.85, with no metadata. */
    static byte[] encode(BufferedImage pixels, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if ("jpeg".equals(format)) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(pixels, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    static InvalidInputException refused(String rule, String message) {
        return BoundedImageDecoder.refused(rule, message);
    }
}
