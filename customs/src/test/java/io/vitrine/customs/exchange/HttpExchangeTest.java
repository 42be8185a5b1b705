package io.vitrine.customs.exchange;

import com.sun.net.httpserver.HttpServer;
import io.vitrine.customs.exchange.infra.HttpExchange;
import io.vitrine.customs.exchange.infra.HttpExchange.HttpExchangeSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against a real loopback HTTP server that fails a set number of times and then recovers. */
class HttpExchangeTest {

    private static final int LIMIT = 1 << 20;

    private HttpServer server;
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 503;
    private volatile long delayMillis;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    record Received(String messageId, String contentType, String authorization, byte[] body) {
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/dxp/messages", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-Message-Id"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int status = failuresLeft.getAndDecrement() > 0 ? failureStatus : 200;
            byte[] answer = (status == 200 ? "<ok/>" : "<error>" + status + "</error>").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private HttpExchange exchange(int attempts, Duration requestTimeout) {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/dxp/messages");
        return new HttpExchange(new HttpExchangeSettings(url, Duration.ofSeconds(2), requestTimeout, attempts,
                Duration.ofMillis(20), "Bearer test-token"));
    }

    @Test
    void a_send_succeeds_once_a_failing_server_recovers_within_the_attempts() {
        failuresLeft.set(2);
        DxpMessage message = Messages.order(Messages.newGuid());

        exchange(3, Duration.ofSeconds(5)).send(message);

        assertEquals(3, received.size());
        for (Received request : received) {
            assertEquals(message.transInfo().copMsgId(), request.messageId());
            assertArrayEquals(received.get(0).body(), request.body(), "every attempt sends the same envelope");
            assertTrue(request.contentType().startsWith("application/xml"));
            assertEquals("Bearer test-token", request.authorization());
        }
        assertEquals(message, DxpEnvelope.read(received.get(0).body(), LIMIT));
    }

    @Test
    void a_server_still_failing_after_the_attempts_makes_the_send_unavailable_and_a_later_retry_keeps_the_guid() {
        failuresLeft.set(5);
        DxpMessage message = Messages.order(Messages.newGuid());
        HttpExchange exchange = exchange(2, Duration.ofSeconds(5));

        ExchangeUnavailableException unavailable = assertThrows(ExchangeUnavailableException.class, () -> exchange.send(message));
        assertTrue(unavailable.getMessage().contains("after 2 attempts"), unavailable.getMessage());
        assertEquals(2, received.size());

        failuresLeft.set(0); // the server recovers; the outbox retries the same message later
        exchange.send(message);

        assertEquals(3, received.size());
        assertEquals(List.of(message.transInfo().copMsgId()), received.stream().map(Received::messageId).distinct().toList());
    }

    @Test
    void a_refusal_is_not_retried() {
        failuresLeft.set(1);
        failureStatus = 400;

        ExchangeRejectedException rejected = assertThrows(ExchangeRejectedException.class,
                () -> exchange(3, Duration.ofSeconds(5)).send(Messages.order(Messages.newGuid())));

        assertTrue(rejected.getMessage().contains("HTTP 400"), rejected.getMessage());
        assertEquals(1, received.size());
    }

    @Test
    void a_server_slower_than_the_request_timeout_counts_as_a_failed_attempt() {
        delayMillis = 3000;

        ExchangeUnavailableException unavailable = assertThrows(ExchangeUnavailableException.class,
                () -> exchange(2, Duration.ofSeconds(1)).send(Messages.order(Messages.newGuid())));

        assertTrue(unavailable.getCause() instanceof HttpTimeoutException, String.valueOf(unavailable.getCause()));
        assertFalse(received.isEmpty(), "the slow server was reached");
    }

    @Test
    void nothing_listening_makes_the_send_unavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HttpExchange exchange = new HttpExchange(new HttpExchangeSettings(URI.create("http://127.0.0.1:" + closedPort + "/dxp"),
                Duration.ofSeconds(1), Duration.ofSeconds(1), 2, Duration.ofMillis(10), null));

        assertThrows(ExchangeUnavailableException.class, () -> exchange.send(Messages.order(Messages.newGuid())));
    }
}
