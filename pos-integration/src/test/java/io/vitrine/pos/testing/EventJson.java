package io.vitrine.pos.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Event batch bodies as a POS sends them, written by hand so that tests can also send what no record would bind. */
public final class EventJson {

    private EventJson() {
    }

    public static byte[] batch(String... events) {
        return batch(List.of(events));
    }

    public static byte[] batch(List<String> events) {
        return ("{\"events\":[" + String.join(",", events) + "]}").getBytes(StandardCharsets.UTF_8);
    }

    public static String sale(String eventId, Instant at, String sku, long qty) {
        return movement(eventId, "SALE", at, sku, qty);
    }

    public static String returned(String eventId, Instant at, String sku, long qty) {
        return movement(eventId, "RETURN", at, sku, qty);
    }

    public static String count(String eventId, Instant at, String sku, long counted) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"STOCK_COUNT\",\"occurredAt\":\"" + offset(at)
                + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"countedQty\":" + counted + "}]}";
    }

    public static String heartbeat(String eventId, Instant at, String appVersion) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"HEARTBEAT\",\"occurredAt\":\"" + offset(at)
                + "\",\"appVersion\":\"" + appVersion + "\"}";
    }

    /** China time with its +08:00 offset, as the stores' tills write it. */
    public static String offset(Instant at) {
        return at.atOffset(ZoneOffset.ofHours(8)).toString();
    }

    private static String movement(String eventId, String type, Instant at, String sku, long qty) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + offset(at)
                + "\",\"receiptNo\":\"R-" + eventId + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"qty\":" + qty
                + ",\"amountFen\":" + qty * 1000 + "}]}";
    }
}
