package io.vitrine.api.jar;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped artifact itself: {@code api/target/vitrine.jar} started as an operator would
 * ({@code java -jar}), with JSON logs, stopped with SIGTERM. Runs in Maven's integration-test
 * phase, after the jar is packaged.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunnableJarIT {

    @TempDir
    static Path dataDir;

    private static Process process;
    private static Path log;
    private static int port;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path jar = Path.of("target", "vitrine.jar").toAbsolutePath();
        assertThat(jar).as("the runnable jar is packaged before integration tests").exists();
        port = freePort();
        log = dataDir.resolve("stdout.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        env.put("VITRINE_DATA_DIR", dataDir.resolve("data").toString());
        env.put("VITRINE_LOG_FORMAT", "json");
        env.put("MICRONAUT_LIFECYCLE_GRACEFUL_SHUTDOWN_GRACE_PERIOD", "5s");
        process = builder.start();
        awaitHealthy();
    }

    @AfterAll
    static void stop() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Test
    void the_jar_serves_the_landing_page_swagger_ui_and_health_on_the_configured_port() throws Exception {
        assertThat(get("/").statusCode()).isEqualTo(200);
        assertThat(get("/").body()).contains("Vitrine");
        assertThat(get("/swagger-ui/").statusCode()).isEqualTo(200);
        assertThat(get("/health").body()).contains("\"status\":\"UP\"");
    }

    /**
     * The storefront's pages read records' components as properties, which Freemarker does through its Java 16
     * classes under META-INF/versions: the shaded jar must say Multi-Release, or every such page fails (and, before
     * pages were rendered whole, hung).
     */
    @Test
    void the_jar_renders_the_demo_shops_storefront_and_kiosk_pages() throws Exception {
        HttpResponse<String> shop = get("/s/demo-shop/?lang=zh-CN");
        assertThat(shop.statusCode()).as(shop.body()).isEqualTo(200);
        HttpResponse<String> kiosk = get("/s/demo-shop/kiosk/S001?lang=zh-CN");
        assertThat(kiosk.statusCode()).as(kiosk.body()).isEqualTo(200);
        assertThat(kiosk.body()).contains("海淘优选 保税展示体验店");
    }

    @Test
    void the_embedded_database_lives_in_the_configured_data_directory() {
        assertThat(dataDir.resolve("data").resolve("db")).isDirectory();
        assertThat(dataDir.resolve("data").resolve("db").resolve("vitrine.mv.db")).exists();
    }

    @Test
    @Order(Integer.MAX_VALUE) // stops the process: last
    void with_json_logs_every_line_is_one_json_object_and_sigterm_drains_then_exits_cleanly() throws Exception {
        assertThat(get("/health").statusCode()).isEqualTo(200);
        process.destroy(); // SIGTERM, as a container runtime or systemd stops it
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped within the grace period").isTrue();
        assertThat(process.exitValue()).as("exit code after SIGTERM").isIn(0, 143);

        List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
        assertThat(lines).isNotEmpty();
        JsonMapper json = JsonMapper.createDefault();
        for (String line : lines) {
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = json.readValue(line, Map.class);
            assertThat(entry).as(line).containsKeys("level", "loggerName");
        }
        assertThat(String.join("\n", lines)).contains("shutting down");
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitHealthy() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("the jar keeps running; its output: %s", log).isTrue();
            try {
                if (get("/health").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("vitrine.jar did not answer /health within 120 s; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
