package io.vitrine.kernel.cache.infra;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.cache.CacheContractTest;
import io.vitrine.kernel.cache.CacheUnavailableException;
import io.vitrine.kernel.cache.KeyValueCache;
import io.vitrine.kernel.cache.NonceStore;
import io.vitrine.kernel.cache.ScopedKey;
import io.vitrine.kernel.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When Redis goes away, the ports say so with the kernel's {@link CacheUnavailableException}
 * (which the api turns into 503 or a local fallback) instead of leaking Lettuce types. Runs a
 * private redis-server on a spare port: fault tests never stop the machine's own services.
 */
class RedisOutageTest {

    @Test
    void a_lost_redis_surfaces_as_cache_unavailable() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path dir = Files.createTempDirectory("vitrine-redis-outage");
        Process server = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        try {
            awaitListening(port);
            try (ApplicationContext context = CacheContractTest.run(Map.of(
                    "vitrine.cache.backend", "redis",
                    "redis.uri", "redis://127.0.0.1:" + port,
                    "vitrine.redis.command-timeout", "1s"))) {
                KeyValueCache cache = context.getBean(KeyValueCache.class);
                NonceStore nonces = context.getBean(NonceStore.class);
                ScopedKey key = ScopedKey.of(TenantId.of("outage"), "devices", "kiosk-1");
                cache.putString(key, "up", Duration.ofMinutes(1));
                assertThat(cache.getString(key)).contains("up");

                server.destroy();
                assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();

                assertThatThrownBy(() -> nonces.firstSeen(key, "n-1", Duration.ofMinutes(5)))
                        .isInstanceOf(CacheUnavailableException.class);
                assertThatThrownBy(() -> cache.get(key)).isInstanceOf(CacheUnavailableException.class);
            }
        } finally {
            server.destroyForcibly();
        }
    }

    private static void awaitListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() - deadline < 0) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("private redis-server did not listen on port " + port);
    }
}
