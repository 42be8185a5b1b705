package io.vitrine.orders.testing;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.testing.KernelContexts;
import io.vitrine.kernel.testing.TestDatabase;
import io.vitrine.orders.ordering.PaymentNotifications;
import io.vitrine.tools.fakealipay.FakeAlipay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Contexts for the ordering suites, one per database, with the in-process fake Alipay as the gateway and a notify
 * receiver that hands each notify to the context's {@link PaymentNotifications} (what the HTTP endpoint does) and
 * answers "success" only when that worked. The close and lost-notify rounds are off: tests run them by hand.
 */
public final class OrderingContexts {

    private OrderingContexts() {
    }

    public static Ordering h2() {
        return H2.ORDERING;
    }

    public static Ordering mariaDb() {
        return MariaDb.ORDERING;
    }

    /**
     * A context, its fake gateway and every notify form it received; while {@code held} is set, the receiver only
     * records a notify and answers "failure" (a test then applies the form itself, on its own thread).
     */
    public record Ordering(ApplicationContext context, FakeAlipay fake, List<Map<String, String>> notifies,
                           AtomicBoolean held) {
    }

    private static Ordering start(TestDatabase database) {
        FakeAlipay fake = FakeAlipay.start();
        List<Map<String, String>> received = new CopyOnWriteArrayList<>();
        AtomicBoolean held = new AtomicBoolean();
        ApplicationContext[] holder = new ApplicationContext[1];
        HttpServer receiver = receiver(received, held, holder);
        Map<String, Object> properties = database.properties();
        properties.put("vitrine.search.lucene-dir", database.folder().resolve("search").toString());
        properties.put("vitrine.catalog.reservations.expiry-enabled", false);
        properties.put("vitrine.orders.close-enabled", false);
        properties.put("vitrine.orders.returns.expiry-enabled", false); // rounds run by hand (ReturnRefundsSuite)
        properties.put("vitrine.orders.payment-query.enabled", false);
        properties.put("vitrine.privacy.retention.enabled", false); // rounds run by hand (PersonalDataRetentionSuite)
        properties.put("vitrine.payments.alipay.reconciliation.daily-enabled", false);
        properties.put("vitrine.test.fixture-books", false); // our books from the orders tables, not the fixture
        properties.put("vitrine.test.count-statements", true);
        properties.put("datasources.default.maximum-pool-size", 20);
        properties.put("vitrine.payments.alipay.gateway-url", fake.gatewayUrl().toString());
        properties.put("vitrine.payments.alipay.notify-url",
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/notify");
        properties.put("vitrine.payments.alipay.read-timeout", "5s");
        properties.put("vitrine.files.categories.return-photo.max-size", "5MB"); // as api's application.yml
        properties.put("vitrine.files.categories.return-photo.allowed-types", "image/jpeg,image/png,image/webp");
        ApplicationContext context = KernelContexts.startShared(properties, () -> receiver.stop(0), fake);
        holder[0] = context;
        return new Ordering(context, fake, received, held);
    }

    private static HttpServer receiver(List<Map<String, String>> received, AtomicBoolean held,
                                       ApplicationContext[] context) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/notify", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Map<String, String> form = new LinkedHashMap<>();
                for (String pair : body.split("&")) {
                    int eq = pair.indexOf('=');
                    form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
                received.add(form);
                String answer;
                int status;
                try {
                    if (held.get()) {
                        throw new IllegalStateException("held");
                    }
                    context[0].getBean(PaymentNotifications.class).receive(form);
                    answer = "success";
                    status = 200;
                } catch (RuntimeException e) {
                    answer = "failure";
                    status = 400;
                }
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class H2 {
        static final Ordering ORDERING = start(TestDatabase.h2("ordering"));
    }

    private static final class MariaDb {
        static final Ordering ORDERING = start(TestDatabase.mariaDb("ordering"));
    }
}
