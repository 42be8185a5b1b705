package io.vitrine.pos.feed;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.error.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * Where a store's device is in its feed, handed out opaque (base64url) and parsed back. Two kinds:
 * <ul>
 *   <li>a <em>snapshot</em> cursor while a new device copies the store's assortment page by page (SKU order, after
 *   {@code afterSku}); {@code position} is the log watermark read when the copy began, where the log takes over;</li>
 *   <li>a <em>log</em> cursor: every change up to sequence {@code position} has been delivered.</li>
 * </ul>
 * The store is part of the cursor so that a cursor of one store (or tenant) is refused by another's feed rather
 * than silently skipping changes.
 */
public record FeedCursor(String storeCode, boolean snapshot, long position, @Nullable String afterSku) {

    private static final String VERSION = "1";
    private static final String SEPARATOR = ":";

    public FeedCursor {
        Objects.requireNonNull(storeCode);
        if (position < 0) {
            throw new IllegalArgumentException("a cursor position is never negative");
        }
    }

    /** A new device: copy the store's assortment from its first SKU, then read the log from {@code watermark}. */
    public static FeedCursor snapshotFrom(String storeCode, long watermark) {
        return new FeedCursor(storeCode, true, watermark, null);
    }

    public static FeedCursor logAt(String storeCode, long seq) {
        return new FeedCursor(storeCode, false, seq, null);
    }

    public FeedCursor snapshotAfter(String sku) {
        return new FeedCursor(storeCode, true, position, sku);
    }

    /** The opaque text a device sends back. */
    public String encode() {
        String text = VERSION + SEPARATOR + storeCode + SEPARATOR + (snapshot ? "S" : "L") + SEPARATOR + position
                + (afterSku == null ? "" : SEPARATOR + afterSku);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor a device sent: 400 naming {@code cursor} when it is no cursor of ours, or another store's.
     */
    public static FeedCursor parse(String text, String storeCode) {
        String[] parts = decode(text).split(SEPARATOR, 5);
        if (parts.length < 4 || !VERSION.equals(parts[0]) || !("S".equals(parts[2]) || "L".equals(parts[2]))) {
            throw malformed();
        }
        if (!parts[1].equals(storeCode)) {
            throw InvalidInputException.of("cursor", "CURSOR_OF_ANOTHER_STORE",
                    "this cursor belongs to another store's feed: start again without a cursor");
        }
        boolean snapshot = "S".equals(parts[2]);
        if (!snapshot && parts.length == 5) {
            throw malformed();
        }
        try {
            long position = Long.parseLong(parts[3]);
            if (position < 0) {
                throw malformed();
            }
            return new FeedCursor(storeCode, snapshot, position, parts.length == 5 ? parts[4] : null);
        } catch (NumberFormatException e) {
            throw malformed();
        }
    }

    private static String decode(String text) {
        try {
            return new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
    }

    private static InvalidInputException malformed() {
        return InvalidInputException.of("cursor", "CURSOR_FORM",
                "not a cursor of this feed: send back the cursor of the last answer, or none to start over");
    }
}
