package io.vitrine.customs.exchange;

import com.sun.net.httpserver.HttpServer;
import io.vitrine.customs.exchange.infra.HttpExchange;
import io.vitrine.customs.exchange.infra.HttpExchange.HttpExchangeSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract on the HTTP exchange, against a loopback receiver that keeps one message per
 * {@code X-Message-Id} (a repeat replaces it), as a single-window endpoint recognises repeats by id.
 */
class HttpExchangeContractTest extends ExchangeChannelContract {

    private HttpServer server;
    private final Map<String, byte[]> received = new ConcurrentHashMap<>();
    private HttpExchange exchange;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/dxp", http -> {
            received.put(http.getRequestHeaders().getFirst("X-Message-Id"), http.getRequestBody().readAllBytes());
            http.sendResponseHeaders(204, -1);
            http.close();
        });
        server.start();
        exchange = new HttpExchange(new HttpExchangeSettings(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/dxp"),
                Duration.ofSeconds(2), Duration.ofSeconds(5), 1, Duration.ofMillis(10), null));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Override
    ExchangeChannel channel() {
        return exchange;
    }

    @Override
    Map<String, byte[]> delivered() {
        return Map.copyOf(received);
    }
}
