package io.vitrine.pos.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.tenants.devices.signing.CanonicalRequest;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a batch body into events, each checked on its own: the body must be JSON with an {@code events} array of at
 * most 500 (else the whole request is refused, 400 or 413), but a wrong field inside one event only rejects that
 * event. That is why the body is read as a JSON tree and not bound to records: a {@code qty} of {@code "two"} must
 * not fail the other 499 events.
 */
@Singleton
public class EventBatchReader {

    static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final int MAX_TEXT = 64;
    private static final long MAX_QUANTITY = 1_000_000;

    private final JsonMapper json;
    private final EventIngestSettings settings;

    public EventBatchReader(JsonMapper json, EventIngestSettings settings) {
        this.json = json;
        this.settings = settings;
    }

    /** The batch's entries in the order sent; {@code now} is our clock, for the time window. */
    public List<ReadEvent> read(byte[] body, IngestingDevice device, Instant now) {
        if (body.length > settings.maxBodyBytes()) {
            throw new BatchTooLargeException("A batch body is at most " + settings.maxBodyBytes() + " bytes.");
        }
        JsonNode root = parse(body);
        JsonNode events = root != null && root.isObject() ? root.get("events") : null; // "null" parses to no node
        if (events == null || !events.isArray()) {
            throw InvalidInputException.of("events", "REQUIRED", "is required: an array of events");
        }
        if (events.size() > EventIngestSettings.MAX_EVENTS) {
            throw new BatchTooLargeException("A batch holds at most " + EventIngestSettings.MAX_EVENTS + " events; "
                    + "this one has " + events.size() + ". Split it.");
        }
        List<ReadEvent> read = new ArrayList<>(events.size());
        for (JsonNode event : events.values()) {
            read.add(readEvent(event, device, now));
        }
        return read;
    }

    private JsonNode parse(byte[] body) {
        try {
            return json.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw InvalidInputException.of("body", "MALFORMED_JSON", "is not well-formed JSON");
        }
    }

    private ReadEvent readEvent(JsonNode node, IngestingDevice device, Instant now) {
        if (!node.isObject()) {
            return ReadEvent.rejected(null, "NOT_AN_EVENT", null, "an event is a JSON object");
        }
        String eventId = text(node.get("eventId"));
        if (eventId == null || !EVENT_ID.matcher(eventId).matches()) {
            return ReadEvent.rejected(eventId, "EVENT_ID_FORM", "eventId",
                    "is required: 1 to 64 of A-Z a-z 0-9 . _ : -");
        }
        EventType type = typeOf(text(node.get("type")));
        if (type == null) {
            return ReadEvent.rejected(eventId, "TYPE_UNKNOWN", "type",
                    "must be one of SALE, RETURN, STOCK_COUNT, HEARTBEAT");
        }
        Instant occurredAt = instant(text(node.get("occurredAt")));
        if (occurredAt == null) {
            return ReadEvent.rejected(eventId, "OCCURRED_AT_FORM", "occurredAt",
                    "is required: ISO-8601 with an offset, e.g. 2026-03-01T10:15:30+08:00");
        }
        if (occurredAt.isAfter(now.plus(settings.futureTolerance()))) {
            return ReadEvent.rejected(eventId, "OCCURRED_IN_FUTURE", "occurredAt", "is more than "
                    + settings.futureTolerance().toMinutes() + " minutes ahead of the server's clock; correct the "
                    + "device's clock (X-Server-Time)");
        }
        if (occurredAt.isBefore(now.minus(settings.maxAge()))) {
            return ReadEvent.rejected(eventId, "TOO_OLD", "occurredAt",
                    "is more than " + settings.maxAge().toDays() + " days ago: too late to apply");
        }
        JsonNode store = node.get("storeCode");
        if (store != null && !store.isNull() && !device.storeCode().equals(text(store))) {
            return ReadEvent.rejected(eventId, "STORE_MISMATCH", "storeCode", "is not this device's store");
        }
        return switch (type) {
            case HEARTBEAT -> heartbeat(eventId, occurredAt, node);
            case SALE, RETURN -> movement(eventId, type, occurredAt, node);
            case STOCK_COUNT -> count(eventId, occurredAt, node);
        };
    }

    private ReadEvent heartbeat(String eventId, Instant occurredAt, JsonNode node) {
        JsonNode version = node.get("appVersion");
        String appVersion = text(version);
        if (version != null && !version.isNull() && (appVersion == null || appVersion.length() > MAX_TEXT)) {
            return ReadEvent.rejected(eventId, "APP_VERSION_FORM", "appVersion", "is text of at most 64 characters");
        }
        return ReadEvent.of(event(eventId, EventType.HEARTBEAT, occurredAt, null, appVersion, List.of()));
    }

    private ReadEvent movement(String eventId, EventType type, Instant occurredAt, JsonNode node) {
        String receiptNo = text(node.get("receiptNo"));
        if (receiptNo == null || receiptNo.isBlank() || receiptNo.length() > MAX_TEXT) {
            return ReadEvent.rejected(eventId, "RECEIPT_NO_FORM", "receiptNo",
                    "is required: the till's receipt number, at most 64 characters");
        }
        LinesOrRejection lines = lines(eventId, node, "qty", 1, true);
        return lines.rejection() != null ? lines.rejection()
                : ReadEvent.of(event(eventId, type, occurredAt, receiptNo, null, lines.lines()));
    }

    private ReadEvent count(String eventId, Instant occurredAt, JsonNode node) {
        LinesOrRejection lines = lines(eventId, node, "countedQty", 0, false);
        if (lines.rejection() != null) {
            return lines.rejection();
        }
        Set<String> skus = new HashSet<>();
        for (int i = 0; i < lines.lines().size(); i++) {
            if (!skus.add(lines.lines().get(i).sku())) {
                return ReadEvent.rejected(eventId, "DUPLICATE_SKU", "lines[" + i + "].sku",
                        "is counted twice in this count: send one line per SKU");
            }
        }
        return ReadEvent.of(event(eventId, EventType.STOCK_COUNT, occurredAt, null, null, lines.lines()));
    }

    private record LinesOrRejection(List<EventLine> lines, @Nullable ReadEvent rejection) {
    }

    private LinesOrRejection lines(String eventId, JsonNode node, String quantityField, long minimum,
                                   boolean withAmount) {
        JsonNode lines = node.get("lines");
        if (lines == null || !lines.isArray() || lines.size() == 0 || lines.size() > EventIngestSettings.MAX_LINES) {
            return new LinesOrRejection(List.of(), ReadEvent.rejected(eventId, "LINES_FORM", "lines",
                    "is required: 1 to " + EventIngestSettings.MAX_LINES + " lines"));
        }
        List<EventLine> read = new ArrayList<>(lines.size());
        int i = 0;
        for (JsonNode line : lines.values()) {
            String at = "lines[" + i++ + "].";
            String sku = line.isObject() ? text(line.get("sku")) : null;
            if (sku == null || sku.isBlank() || sku.length() > MAX_TEXT) {
                return new LinesOrRejection(List.of(), ReadEvent.rejected(eventId, "SKU_FORM", at + "sku",
                        "is required: at most 64 characters"));
            }
            Long quantity = wholeNumber(line.get(quantityField));
            if (quantity == null || quantity < minimum || quantity > MAX_QUANTITY) {
                return new LinesOrRejection(List.of(), ReadEvent.rejected(eventId,
                        minimum > 0 ? "QTY_NOT_POSITIVE" : "QTY_NEGATIVE", at + quantityField,
                        "is required: a whole number from " + minimum + " to " + MAX_QUANTITY));
            }
            Long amount = withAmount ? wholeNumber(line.get("amountFen")) : null;
            if (withAmount && (amount == null || amount < 0)) {
                return new LinesOrRejection(List.of(), ReadEvent.rejected(eventId, "AMOUNT_FORM", at + "amountFen",
                        "is required: the line's amount in fen, a whole number, 0 or more"));
            }
            read.add(new EventLine(sku, quantity, amount));
        }
        return new LinesOrRejection(read, null);
    }

    private static PosEvent event(String eventId, EventType type, Instant occurredAt, @Nullable String receiptNo,
                                  @Nullable String appVersion, List<EventLine> lines) {
        StringBuilder content = new StringBuilder().append(type).append('\n').append(occurredAt).append('\n')
                .append(receiptNo).append('\n').append(appVersion).append('\n');
        for (EventLine line : lines) {
            content.append(line.sku()).append('\t').append(line.quantity()).append('\t').append(line.amountFen())
                    .append('\n');
        }
        String hash = CanonicalRequest.sha256Hex(content.toString().getBytes(StandardCharsets.UTF_8));
        return new PosEvent(eventId, type, occurredAt, receiptNo, appVersion, lines, hash);
    }

    @Nullable
    private static String text(@Nullable JsonNode node) {
        return node != null && node.isString() ? node.getStringValue() : null;
    }

    @Nullable
    private static EventType typeOf(@Nullable String name) {
        if (name == null) {
            return null;
        }
        try {
            return EventType.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** Only an offset date-time: a local time without its offset could be any of 24 hours. */
    @Nullable
    private static Instant instant(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MICROS); // what DATETIME(6) keeps
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A JSON integer that fits a long; 2.5, "2" and 1e3 are not. */
    @Nullable
    private static Long wholeNumber(@Nullable JsonNode node) {
        if (node == null || !node.isNumber()) {
            return null;
        }
        Number number = node.getNumberValue();
        if (number instanceof Integer || number instanceof Long || number instanceof Short) {
            return number.longValue();
        }
        if (number instanceof BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        return null;
    }
}
