package io.vitrine.benchmarks;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault drill's till ({@link VirtualStore} as {@link FaultTills} plays it): a batch answered 503 stays queued and is
 * sent again, the same bytes, at the next flush; every answer reaches the drill's hook, to the instance named then.
 * The "application" is a local HTTP server that answers the first batch 503 and the next one 200.
 */
class TillResendTest {

    @Test
    void a_batch_answered_503_is_sent_again_unchanged_and_every_answer_is_told() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/pos/v1/events", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            boolean first = calls.getAndIncrement() == 0;
            byte[] answer = (first ? "{\"title\":\"unavailable\"}"
                    : "{\"results\":[{\"status\":\"ACCEPTED\"},{\"status\":\"ACCEPTED\"}]}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(first ? 503 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try {
            URI app = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            List<String> told = new CopyOnWriteArrayList<>();
            VirtualStore.Tally tally = new VirtualStore.Tally();
            VirtualStore till = new VirtualStore("S001", "pos-1", "secret".getBytes(StandardCharsets.US_ASCII), () -> app,
                    HttpClient.newHttpClient(), tally, List.of("SKU-1"),
                    (endpoint, status, startedNanos, body) -> told.add(endpoint + " " + status));
            FleetLatencies posts = new FleetLatencies();
            till.ringUp(1, Instant.parse("2026-12-01T06:00:00Z"));

            assertThat(till.flushSteady(posts, 0)).as("503: kept for later").isFalse();
            assertThat(till.pending()).isEqualTo(1);
            assertThat(till.flushSteady(posts, 0)).isTrue();

            assertThat(till.pending()).isZero();
            assertThat(bodies).hasSize(2);
            assertThat(bodies.get(1)).as("the same events, the same ids").isEqualTo(bodies.get(0));
            assertThat(told).containsExactly("pos events 503", "pos events 200");
            assertThat(tally.made.get()).isEqualTo(2);
            assertThat(tally.accepted.get()).isEqualTo(2);
            assertThat(posts.errors()).isEqualTo(1);
        } finally {
            server.stop(0);
        }
    }
}
