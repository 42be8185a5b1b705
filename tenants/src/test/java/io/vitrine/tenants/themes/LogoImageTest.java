package io.vitrine.tenants.themes;

import io.vitrine.kernel.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A logo's bytes beyond their signature: decoded PNG and JPEG, bounded pixels, nothing after the image. */
class LogoImageTest {

    /** A 1×1 lossless WebP (RIFF, VP8L). */
    private static final byte[] WEBP_1X1 = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @Test
    void real_png_jpeg_and_webp_logos_pass() {
        assertThatCode(() -> LogoImage.check(image("png", 40, 20), "image/png")).doesNotThrowAnyException();
        assertThatCode(() -> LogoImage.check(image("jpeg", 30, 30), "image/jpeg")).doesNotThrowAnyException();
        assertThatCode(() -> LogoImage.check(WEBP_1X1, "image/webp")).doesNotThrowAnyException();
    }

    @Test
    void a_truncated_png_does_not_decode() {
        byte[] png = image("png", 120, 80);
        assertThat(rule(Arrays.copyOf(png, png.length / 2), "image/png")).isEqualTo("file:NOT_AN_IMAGE");
        assertThat(rule(Arrays.copyOf(png, png.length - 6), "image/png")).as("only IEND's end cut")
                .isEqualTo("file:NOT_AN_IMAGE");
    }

    @Test
    void polyglots_are_refused_an_svg_behind_a_png_signature_and_images_that_go_on_as_html() {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(rule(concat(PNG_SIGNATURE, svg), "image/png")).isEqualTo("file:NOT_AN_IMAGE");

        byte[] html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertThat(rule(concat(image("png", 16, 16), html), "image/png")).isEqualTo("file:IMAGE_TRAILING_DATA");
        assertThat(rule(concat(WEBP_1X1, html), "image/webp")).isEqualTo("file:IMAGE_TRAILING_DATA");
    }

    @Test
    void a_decompression_bomb_is_refused_by_its_header_before_any_pixel() {
        assertThat(rule(pngHeaderOnly(50_000, 50_000), "image/png")).isEqualTo("file:IMAGE_DIMENSIONS");
        assertThat(rule(pngHeaderOnly(LogoImage.MAX_SIDE + 1, 1), "image/png")).isEqualTo("file:IMAGE_DIMENSIONS");
        byte[] wideWebp = WEBP_1X1.clone();
        ByteBuffer.wrap(wideWebp).order(ByteOrder.LITTLE_ENDIAN).putInt(21, 0x3fff | 0x3fff << 14);
        assertThat(rule(wideWebp, "image/webp")).isEqualTo("file:IMAGE_DIMENSIONS");
    }

    private static String rule(byte[] bytes, String contentType) {
        InvalidInputException refused = catchThrowableOfType(() -> LogoImage.check(bytes, contentType),
                InvalidInputException.class);
        assertThat(refused).as("refused").isNotNull();
        return String.join(",", refused.errors().stream().map(e -> e.field() + ":" + e.rule()).toList());
    }

    private static byte[] image(String format, int width, int height) {
        BufferedImage pixels = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                pixels.setRGB(x, y, (x * 7 + y * 13) * 0x010305);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(pixels, format, out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    /** Signature and IHDR announcing {@code width × height}, then IEND: no pixel data at all. */
    private static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        return concat(PNG_SIGNATURE, chunk("IHDR", ihdr.array()), chunk("IEND", new byte[0]));
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
                .putInt((int) crc.getValue()).array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
