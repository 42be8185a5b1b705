package io.vitrine.catalog.images;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The renditions made of every image at upload: the longest side at most this many pixels, never enlarged. */
public enum ImageSize {

    /** Search results, lists, kiosk tiles. */
    THUMB(320),
    /** The product page. */
    MEDIUM(800);

    private final int longSide;

    ImageSize(int longSide) {
        this.longSide = longSide;
    }

    public int longSide() {
        return longSide;
    }

    /** As it appears in URLs: {@code thumb}, {@code medium}. */
    public String urlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ImageSize> named(String urlName) {
        return Arrays.stream(values()).filter(size -> size.urlName().equals(urlName)).findFirst();
    }
}
