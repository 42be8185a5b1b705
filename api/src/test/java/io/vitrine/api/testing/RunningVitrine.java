package io.vitrine.api.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One booted Vitrine application on a random port, shared by every test class of a mode (testing.md
 * "Time budget"). Get it through {@link EmbeddedVitrine} or {@link ClusterVitrine}; per-test data belongs
 * in SQL fixtures, never in a new application context.
 *
 * <p>Two clients: Micronaut's {@link #http()} for typed calls, and {@link #send} (the JDK's client) when a
 * test needs the wire as it is: any status without exceptions, raw bodies, exact headers.
 */
public final class RunningVitrine implements AutoCloseable {

    private final EmbeddedServer server;
    private final HttpClient client;
    private final java.net.http.HttpClient wire = java.net.http.HttpClient.newBuilder()
            .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
            .build();
    private final Path dataDir;
    private final boolean ownsDataDir;

    private RunningVitrine(EmbeddedServer server, Path dataDir, boolean ownsDataDir) {
        this.server = server;
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
        this.client = server.getApplicationContext().createBean(HttpClient.class, server.getURL());
    }

    static RunningVitrine start(String mode, Map<String, Object> properties, String... environments) {
        return start(temporaryDataDir(mode), true, properties, environments);
    }

    /**
     * An application of the caller's own on a data dir the caller keeps, for tests of what a restart finds or
     * that break a service (closing it leaves the dir); embedded unless environments say otherwise. Costs a
     * start-up: use sparingly.
     */
    public static RunningVitrine startOn(Path dataDir, Map<String, Object> properties, String... environments) {
        return start(dataDir, false, properties, environments);
    }

    private static RunningVitrine start(Path dataDir, boolean ownsDataDir, Map<String, Object> properties,
                                        String... environments) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("micronaut.server.port", -1);
        all.put("vitrine.data-dir", dataDir.toString());
        // the shared applications hold each test's own data; DemoSeedTest boots the demo on its own
        all.putIfAbsent("vitrine.demo.enabled", false);
        // a stopping test JVM should not wait out the production grace period
        all.put("micronaut.lifecycle.graceful-shutdown.grace-period", "1s");
        EmbeddedServer server = ApplicationContext.builder()
                .environments(environments)
                .properties(all)
                .run(EmbeddedServer.class);
        return new RunningVitrine(server, dataDir, ownsDataDir);
    }

    public URI uri(String path) {
        return server.getURI().resolve(path);
    }

    public BlockingHttpClient http() {
        return client.toBlocking();
    }

    public HttpClient client() {
        return client;
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    public <T> T bean(Class<T> type) {
        return context().getBean(type);
    }

    public Path dataDir() {
        return dataDir;
    }

    /** A GET as a browser or probe would send it. */
    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** As {@link #send(HttpRequest)}, for a body that is not text (downloads). */
    public HttpResponse<byte[]> sendBytes(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return wire.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        client.close();
        server.getApplicationContext().close();
        if (ownsDataDir) {
            deleteRecursively(dataDir);
        }
    }

    private static Path temporaryDataDir(String mode) {
        try {
            return Files.createTempDirectory("vitrine-" + mode + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
