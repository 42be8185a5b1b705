package io.vitrine.kernel.files;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Real (if tiny) files of each format the storage recognises. */
public final class SampleFiles {

    private SampleFiles() {
    }

    public static byte[] png() {
        return image("png");
    }

    public static byte[] jpeg() {
        return image("jpeg");
    }

    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A RIFF/WEBP container with a lossless (VP8L) chunk header. */
    public static byte[] webp() {
        byte[] file = new byte[40];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, file, 0, 4);
        file[4] = 32; // RIFF payload length, little-endian
        System.arraycopy("WEBPVP8L".getBytes(StandardCharsets.US_ASCII), 0, file, 8, 8);
        return file;
    }

    /** A PDF padded to exactly the given size. */
    static byte[] pdfOfSize(int size) {
        byte[] pdf = pdf();
        byte[] padded = Arrays.copyOf(pdf, size);
        Arrays.fill(padded, pdf.length, size, (byte) ' ');
        return padded;
    }

    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xC8102E);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
