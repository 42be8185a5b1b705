package io.vitrine.api.demo;

import io.vitrine.catalog.images.ProductImages;
import io.vitrine.tenants.access.Actor;
import jakarta.inject.Singleton;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A picture for each demo product, drawn at seed time: a coloured square with the brand's initials, uploaded
 * through {@link ProductImages} like any retailer's photo (so it gets its thumbnails), so the demo kiosk shows
 * images without shipping any.
 */
@Singleton
class DemoImages {

    private static final int SIDE = 1000;
    private final ProductImages images;

    DemoImages(ProductImages images) {
        this.images = images;
    }

    /** Uploads the brand's picture in the current tenant; its image id. */
    String upload(Actor by, String sku, String brand) {
        byte[] png = draw(initials(brand), colourOf(sku));
        return images.upload(by, sku.toLowerCase(Locale.ROOT) + ".png", "image/png", new ByteArrayInputStream(png)).id();
    }

    /** "Estée Lauder" → "EL", "花王 Kao" → "花K", "a2" → "A2". */
    static String initials(String brand) {
        String letters = Arrays.stream(brand.strip().split("\\s+"))
                .map(word -> word.substring(0, Character.charCount(word.codePointAt(0))).toUpperCase(Locale.ROOT))
                .collect(Collectors.joining());
        if (letters.codePointCount(0, letters.length()) == 1 && brand.strip().length() > 1) {
            letters = brand.strip().substring(0, Math.min(2, brand.strip().length())).toUpperCase(Locale.ROOT);
        }
        return letters.length() > 3 ? letters.substring(0, 3) : letters;
    }

    private static Color colourOf(String sku) {
        return Color.getHSBColor((sku.hashCode() & 0xFFFF) / 65536f, 0.55f, 0.85f);
    }

    private static byte[] draw(String text, Color colour) {
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, colour.brighter(), 0, SIDE, colour.darker()));
            g.fillRect(0, 0, SIDE, SIDE);
            g.setColor(new Color(255, 255, 255, 230));
            g.fillOval(150, 150, 700, 700);
            g.setColor(colour.darker().darker());
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, text.length() > 2 ? 240 : 320));
            FontMetrics metrics = g.getFontMetrics();
            g.drawString(text, (SIDE - metrics.stringWidth(text)) / 2,
                    (SIDE - metrics.getHeight()) / 2 + metrics.getAscent());
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
