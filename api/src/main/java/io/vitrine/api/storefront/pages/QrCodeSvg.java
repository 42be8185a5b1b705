package io.vitrine.api.storefront.pages;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A QR code (ZXing) drawn as one SVG path, for pages to inline: no image library, no extra request, and it
 * stays sharp at any size. {@code size} is the side in modules including the 4-module quiet zone scanners need;
 * {@code path} holds only {@code M h v z}, digits and spaces, so a template prints it escaped like any value.
 * Error correction M: a kiosk screen or a printed shelf tag is clean, and a lower level keeps modules larger.
 */
public record QrCodeSvg(int size, String path) {

    static final int QUIET_ZONE = 4;

    public static QrCodeSvg of(String text) {
        ByteMatrix modules;
        try {
            modules = Encoder.encode(text, ErrorCorrectionLevel.M,
                    Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name())).getMatrix();
        } catch (WriterException tooLong) {
            throw new IllegalArgumentException("cannot encode " + text.length() + " characters in a QR code", tooLong);
        }
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < modules.getHeight(); y++) {
            int x = 0;
            while (x < modules.getWidth()) {
                if (modules.get(x, y) != 1) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < modules.getWidth() && modules.get(x, y) == 1) {
                    x++;
                }
                // one rectangle per run of dark modules on the row
                path.append('M').append(start + QUIET_ZONE).append(' ').append(y + QUIET_ZONE)
                        .append('h').append(x - start).append("v1h-").append(x - start).append('z');
            }
        }
        return new QrCodeSvg(modules.getWidth() + 2 * QUIET_ZONE, path.toString());
    }
}
