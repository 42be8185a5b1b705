package io.vitrine.catalog.images;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Images made for tests: smooth gradients (they compress well) and hand-made headers. */
public final class TestImages {

    private TestImages() {
    }

    public static byte[] png(int width, int height) {
        return encode(gradient(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    public static byte[] jpeg(int width, int height) {
        return encode(gradient(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    /** A JPEG carrying a comment segment (as cameras carry EXIF and GPS) right after its start marker. */
    public static byte[] jpegWithComment(int width, int height, String comment) {
        byte[] plain = jpeg(width, height);
        byte[] text = comment.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(plain.length + 4 + text.length);
        out.put(plain, 0, 2); // SOI
        out.put((byte) 0xFF).put((byte) 0xFE).putShort((short) (text.length + 2)).put(text); // COM
        out.put(plain, 2, plain.length - 2);
        return out.array();
    }

    /**
     * A PNG whose header announces {@code width × height} followed by a few bytes of pixel data: tiny on disk, and
     * what a decompression bomb looks like until someone decodes it.
     */
    public static byte[] pngHeaderOnly(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[]{0x78, (byte) 0x9C, 0x63, 0x00, 0x00});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** The PNG signature followed by something that is not a PNG. */
    public static byte[] pngSignatureThenJunk() {
        byte[] junk = "this is not really an image, only its first eight bytes pretend".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(8 + junk.length);
        out.put(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}).put(junk);
        return out.array();
    }

    public static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static BufferedImage gradient(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(200, 40, 40), 0, height, new Color(40, 40, 200)));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
