package io.vitrine.kernel.files;

import java.util.Arrays;
import java.util.Optional;

/**
 * File formats recognised by their leading bytes (magic numbers), so an upload's type is what its
 * bytes are, whatever the client declares. XLSX is recognised as its container (a ZIP package) and
 * CSV as "text, none of the others" (no NUL or control bytes besides tab and line ends): the
 * tabular reader checks both properly when it reads them.
 */
public enum KnownFormat {

    PDF("application/pdf"),
    PNG("image/png"),
    JPEG("image/jpeg"),
    WEBP("image/webp"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    CSV("text/csv");

    /** How many leading bytes {@link #of} needs to see. */
    public static final int HEAD_LENGTH = 12;

    private static final byte[] PDF_MAGIC = ascii("%PDF-");
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] RIFF = ascii("RIFF");
    private static final byte[] WEBP_MARK = ascii("WEBP");
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private final String contentType;

    KnownFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /** The format whose signature the given leading bytes carry. */
    public static Optional<KnownFormat> of(byte[] head) {
        if (startsWith(head, 0, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(head, 0, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, 0, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        // RIFF container: "RIFF", 4 bytes of length, then the form type
        if (startsWith(head, 0, RIFF) && startsWith(head, 8, WEBP_MARK)) {
            return Optional.of(WEBP);
        }
        if (startsWith(head, 0, ZIP_MAGIC)) {
            return Optional.of(XLSX);
        }
        return isText(head) ? Optional.of(CSV) : Optional.empty();
    }

    private static boolean isText(byte[] head) {
        if (head.length == 0) {
            return false;
        }
        for (byte b : head) {
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] head, int offset, byte[] signature) {
        return head.length >= offset + signature.length
                && Arrays.equals(head, offset, offset + signature.length, signature, 0, signature.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
