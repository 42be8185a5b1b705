package io.vitrine.pos.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * One answer of a store's feed: the changes, the cursor to ask from next, and whether more is waiting right now
 * (ask again at once) or the device is up to date (poll later with the same cursor).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS) // an empty page still says "changes": []
public record FeedPage(String cursor, boolean hasMore, List<CatalogChange> changes) {

    public FeedPage {
        changes = List.copyOf(changes);
    }

    /**
     * A strong validator of this answer to the request from {@code requestCursor}: equal only when the same request
     * would get the same body, so a device that sends it back in {@code If-None-Match} gets 304 exactly when nothing
     * it would be told has changed.
     */
    public String etag(String requestCursor) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(requestCursor.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(toString().getBytes(StandardCharsets.UTF_8));
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256.digest()).substring(0, 32) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
