package io.vitrine.api.storefront;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads QR codes back with ZXing's own decoder, as a phone would: from a screenshot (PNG bytes) or from the inline
 * SVG a page carries (drawn into an image module by module first, so the decoder sees pixels, not our path).
 */
final class QrDecoding {

    private static final Pattern SVG = Pattern.compile(
            "viewBox=\"0 0 (\\d+) \\1\".*?<path d=\"([^\"]*)\"", Pattern.DOTALL);
    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\3z");
    private static final int SCALE = 6;

    private QrDecoding() {
    }

    static String fromPng(byte[] png) {
        try {
            return decode(ImageIO.read(new ByteArrayInputStream(png)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first inline QR SVG of a page ({@code viewBox} then the path of dark modules). */
    static String fromPage(String html) {
        Matcher svg = SVG.matcher(html);
        assertThat(svg.find()).as("an inline QR code in %s", html).isTrue();
        return fromSvgPath(Integer.parseInt(svg.group(1)), svg.group(2));
    }

    static String fromSvgPath(int size, String path) {
        BufferedImage image = new BufferedImage(size * SCALE, size * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        Matcher run = RUN.matcher(path);
        int end = 0;
        while (run.find()) {
            assertThat(run.start()).as("nothing but runs of modules in the path").isEqualTo(end);
            end = run.end();
            g.fillRect(Integer.parseInt(run.group(1)) * SCALE, Integer.parseInt(run.group(2)) * SCALE,
                    Integer.parseInt(run.group(3)) * SCALE, SCALE);
        }
        assertThat(end).isEqualTo(path.length());
        g.dispose();
        return decode(image);
    }

    static String decode(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
        try {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (ReaderException unreadable) {
            throw new AssertionError("no QR code could be read in the " + width + "x" + height + " image", unreadable);
        }
    }
}
