package io.vitrine.tools.fakealipay;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A test's stand-in for our notify endpoint, on loopback: keeps every form the fake (or anyone) posts to
 * {@link #url()} and acknowledges it with "success", so a test can hand a notify to the verifier itself. For the
 * orders and api tests; no SDK, no Micronaut.
 */
public final class NotifyInbox implements AutoCloseable {

    private final BlockingQueue<Map<String, String>> received = new LinkedBlockingQueue<>();
    private final HttpServer server;

    /** Listening on a free loopback port from now on. */
    public NotifyInbox() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/notify", exchange -> {
            Map<String, String> form = new LinkedHashMap<>();
            FakeAlipay.decodeInto(form, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            received.add(form);
            byte[] answer = "success".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    /** Where to send notifies: the {@code notify_url} to configure. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/notify";
    }

    /** Every form received and not yet taken, in order of arrival. */
    public BlockingQueue<Map<String, String>> received() {
        return received;
    }

    /** The next notify form, waiting up to {@code wait}; fails when none came. */
    public Map<String, String> next(Duration wait) throws InterruptedException {
        Map<String, String> form = received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (form == null) {
            throw new AssertionError("no notify arrived within " + wait);
        }
        return form;
    }

    public boolean isEmpty() {
        return received.isEmpty();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
