package io.vitrine.api.tenants;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Real image files for upload tests. */
public final class SampleImages {

    private SampleImages() {
    }

    /** A PNG of this size, its pixels varied so that its file grows with its area. */
    public static byte[] png(int width, int height, int rgb) {
        return image("png", width, height, rgb);
    }

    public static byte[] jpeg(int width, int height, int rgb) {
        return image("jpeg", width, height, rgb);
    }

    private static byte[] image(String format, int width, int height, int rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, rgb ^ (x * 31 + y * 17)); // not one colour: a large image stays large
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
}
