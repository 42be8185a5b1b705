package io.vitrine.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.tenants.devices.signing.RequestSigner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One convenience store's POS as the fleet simulator plays it ({@link PosFleetBenchmark}): a registered, signing
 * device that keeps its feed cursor and ETag, bootstraps from cursor 0, polls with {@code If-None-Match}, rings up
 * sales into a {@link ReplayBuffer} of event batches (its own event ids) and sends them while online, now and then
 * losing an answer and sending that batch again at its next tick. Offline it only queues; back online it replays the
 * queue in order. Its methods are synchronized: the store's periodic tick and a
 * reconnect storm's replay never interleave.
 */
final class VirtualStore {

    /** A batch of events as sent: its body, and how many events and SALE units it holds. */
    record EventBatch(byte[] body, int events, long units) {
    }

    /** Told every answer (or its absence: status -1) of the feed ("pos feed") and the events ("pos events"). */
    interface Answers {
        Answers NONE = (endpoint, status, startedNanos, body) -> {
        };

        void answered(String endpoint, int status, long startedNanos, String body);
    }

    /** What the endpoints answered, shared by the fleet (and one for the outaged stores). */
    static final class Tally {
        final AtomicLong sent = new AtomicLong();
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong duplicate = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        final AtomicLong made = new AtomicLong();
        final AtomicLong resent = new AtomicLong();
        final AtomicLong units = new AtomicLong();
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FEED = "/pos/v1/catalog/changes";
    private static final String EVENTS = "/pos/v1/events";

    private final String code;
    private final String deviceKey;
    private final byte[] secret;
    private final Supplier<URI> app;
    private final Answers answers;
    private final HttpClient http;
    private final RequestSigner signer = new RequestSigner(Clock.systemUTC());
    private final ReplayBuffer<EventBatch> queue = new ReplayBuffer<>();
    private final Tally tally;
    private final List<String> skus;
    private String cursor;
    private String etag;
    private long nextEvent;
    private boolean online = true;
    private volatile long priceSeenAtNanos;
    private long watchedPrice = -1;
    private String watchedSku;
    private EventBatch lastLost;
    /** Batches sent in the steady traffic, from a random start: a fleet's lost answers are spread over its stores. */
    private long steadySent = java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000);

    VirtualStore(String code, String deviceKey, byte[] secret, URI app, HttpClient http, Tally tally, List<String> skus) {
        this(code, deviceKey, secret, () -> app, http, tally, skus, Answers.NONE);
    }

    /** A till that sends each request to the application {@code app} names then, and tells {@code answers}. */
    VirtualStore(String code, String deviceKey, byte[] secret, Supplier<URI> app, HttpClient http, Tally tally,
                 List<String> skus, Answers answers) {
        this.answers = answers;
        this.code = code;
        this.deviceKey = deviceKey;
        this.secret = secret;
        this.app = app;
        this.http = http;
        this.tally = tally;
        this.skus = skus;
    }

    String code() {
        return code;
    }

    /** Pages from cursor 0 until {@code hasMore} is false; returns how many UPSERTs it was told. */
    synchronized int bootstrap(FleetLatencies pages) throws IOException, InterruptedException {
        cursor = null;
        etag = null;
        int told = 0;
        boolean more = true;
        while (more) {
            JsonNode page = feedPage(pages);
            if (page == null) {
                throw new IllegalStateException(code + ": bootstrap page not answered");
            }
            told += page.path("changes").size();
            more = page.path("hasMore").asBoolean();
        }
        return told;
    }

    /** One poll with the cursor and ETag, draining further pages while {@code hasMore}. */
    synchronized void poll(FleetLatencies polls) throws IOException, InterruptedException {
        if (!online) {
            return;
        }
        JsonNode page;
        do {
            page = feedPage(polls);
        } while (page != null && page.path("hasMore").asBoolean());
    }

    /** From now on a poll tells when {@code sku} is served at {@code priceFen}. */
    synchronized void watch(String sku, long priceFen) {
        watchedSku = sku;
        watchedPrice = priceFen;
        priceSeenAtNanos = 0;
    }

    /** When a feed page first served the watched price ({@link System#nanoTime()}), or 0. */
    long priceSeenAtNanos() {
        return priceSeenAtNanos;
    }

    /** Rings up {@code sales} sales (one line each) and a heartbeat, all occurred at {@code at}: queued. */
    synchronized void ringUp(int sales, Instant at) {
        StringBuilder body = new StringBuilder("{\"events\":[");
        String occurredAt = at.atOffset(ZoneOffset.ofHours(8)).toString();
        long units = 0;
        for (int i = 0; i < sales; i++) {
            String sku = skus.get((int) ((nextEvent * 7 + i) % skus.size()));
            int qty = 1 + (int) (nextEvent % 3);
            units += qty;
            body.append(event("SALE", occurredAt)).append(",\"receiptNo\":\"R").append(code).append('-')
                    .append(nextEvent).append("\",\"lines\":[{\"sku\":\"").append(sku).append("\",\"qty\":").append(qty)
                    .append(",\"amountFen\":").append(5_900L * qty).append("}]},");
        }
        body.append(event("HEARTBEAT", occurredAt)).append(",\"appVersion\":\"fleetsim-1\"}]}");
        queue.add(new EventBatch(body.toString().getBytes(StandardCharsets.UTF_8), sales + 1, units));
        tally.made.addAndGet(sales + 1);
        tally.units.addAndGet(units);
    }

    private String event(String type, String occurredAt) {
        return "{\"eventId\":\"" + code + "-" + (nextEvent++) + "\",\"type\":\"" + type + "\",\"occurredAt\":\""
                + occurredAt + "\"";
    }

    /**
     * Sends the queue in order while online and answered; {@code loseEvery} > 0: the answer of every such batch is
     * lost once (the batch was applied, the till resends it). Returns false when a send failed (kept for later).
     */
    synchronized boolean flush(FleetLatencies posts, int loseEvery) throws InterruptedException {
        int sent = 0;
        while (online && queue.next() != null) {
            EventBatch batch = queue.next();
            if (!post(batch, posts)) {
                return false;
            }
            sent++;
            if (loseEvery > 0 && sent % loseEvery == 0 && batch != lastLost) {
                loseAnswer(batch);
            } else {
                queue.acknowledged();
            }
        }
        return true;
    }

    /**
     * Steady sending: the queue in order while online; every {@code loseEvery}th batch this store sends (first sends
     * only, 0: none) has its answer lost — the server applied it, the till does not know — so it stays queued and
     * this flush stops: the till sends it again at its next tick, behind nothing, and the server must answer its events
     * DUPLICATE. Returns false when a send failed (kept for later).
     */
    synchronized boolean flushSteady(FleetLatencies posts, int loseEvery) throws InterruptedException {
        while (online && queue.next() != null) {
            EventBatch batch = queue.next();
            if (!post(batch, posts)) {
                return false;
            }
            if (batch != lastLost && loseEvery > 0 && ++steadySent % loseEvery == 0) {
                loseAnswer(batch);
                return true;
            }
            queue.acknowledged();
        }
        return true;
    }

    /** Sends the oldest queued batch and loses its answer (it stays queued); false when it was not answered. */
    synchronized boolean sendAndLoseAnswer(FleetLatencies posts) throws InterruptedException {
        EventBatch batch = queue.next();
        if (batch == null || !post(batch, posts)) {
            return false;
        }
        loseAnswer(batch);
        return true;
    }

    private void loseAnswer(EventBatch batch) {
        lastLost = batch;
        queue.answerLost();
        tally.resent.addAndGet(batch.events());
    }

    synchronized void offline() {
        online = false;
    }

    synchronized void online() {
        online = true;
    }

    synchronized int pending() {
        return queue.pending();
    }

    private boolean post(EventBatch batch, FleetLatencies posts) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.get().resolve(EVENTS)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(batch.body()));
        signer.sign(deviceKey, secret, "POST", EVENTS, batch.body()).asMap().forEach(request::header);
        long start = System.nanoTime();
        HttpResponse<String> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            answers.answered("pos events", -1, start, e.toString());
            posts.error();
            return false;
        }
        answers.answered("pos events", answer.statusCode(), start, answer.body());
        if (answer.statusCode() != 200) {
            posts.error();
            return false;
        }
        posts.record(System.nanoTime() - start);
        try {
            for (JsonNode result : JSON.readTree(answer.body()).path("results")) {
                tally.sent.incrementAndGet();
                switch (result.path("status").asText()) {
                    case "ACCEPTED" -> tally.accepted.incrementAndGet();
                    case "DUPLICATE" -> tally.duplicate.incrementAndGet();
                    default -> tally.rejected.incrementAndGet();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(code + ": events answer not JSON: " + answer.body(), e);
        }
        return true;
    }

    /** One feed request; the page, or null when not modified (304) or not answered (counted as an error). */
    private JsonNode feedPage(FleetLatencies latencies) throws InterruptedException {
        String target = FEED + (cursor == null ? "" : "?cursor=" + cursor);
        HttpRequest.Builder request = HttpRequest.newBuilder(app.get().resolve(target)).timeout(Duration.ofSeconds(60)).GET();
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        signer.sign(deviceKey, secret, "GET", target, new byte[0]).asMap().forEach(request::header);
        long start = System.nanoTime();
        HttpResponse<String> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            answers.answered("pos feed", -1, start, e.toString());
            latencies.error();
            return null;
        }
        answers.answered("pos feed", answer.statusCode(), start, answer.body());
        long took = System.nanoTime() - start;
        if (answer.statusCode() == 304) {
            latencies.record(took);
            return null;
        }
        if (answer.statusCode() != 200) {
            latencies.error();
            return null;
        }
        latencies.record(took);
        try {
            JsonNode page = JSON.readTree(answer.body());
            cursor = page.path("cursor").asText();
            etag = answer.headers().firstValue("ETag").orElse(null);
            noticeWatchedPrice(page);
            return page;
        } catch (IOException e) {
            throw new IllegalStateException(code + ": feed page not JSON: " + answer.body(), e);
        }
    }

    private void noticeWatchedPrice(JsonNode page) {
        if (watchedSku == null || priceSeenAtNanos != 0) {
            return;
        }
        for (JsonNode change : page.path("changes")) {
            if (watchedSku.equals(change.path("sku").asText()) && change.path("priceFen").asLong() == watchedPrice) {
                priceSeenAtNanos = System.nanoTime();
            }
        }
    }
}
