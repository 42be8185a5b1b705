package io.vitrine.api.sandbox;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for our notify endpoint (built with orders): keeps every form posted to it and answers "success", so a
 * test can hand the sandbox's notify to {@code PaymentNotifies.verify} itself.
 */
final class NotifyInbox implements AutoCloseable {

    private final BlockingQueue<Map<String, String>> received = new LinkedBlockingQueue<>();
    private final HttpServer server;

    NotifyInbox() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/notify", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> form = new LinkedHashMap<>();
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            received.add(form);
            byte[] answer = "success".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/notify";
    }

    /** The next notify form, waiting up to {@code wait}; fails when none came. */
    Map<String, String> next(Duration wait) throws InterruptedException {
        Map<String, String> form = received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (form == null) {
            throw new AssertionError("no notify arrived within " + wait);
        }
        return form;
    }

    boolean isEmpty() {
        return received.isEmpty();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
