package io.vitrine.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * The packaged application ({@code api/target/vitrine.jar}) in its own JVM, configured only through the
 * environment as an operator would, on a free port; its output goes to a log file. Stopped (SIGTERM, then
 * killed) on {@link #close()}.
 */
final class RunningApplication implements AutoCloseable {

    private final ProcessBuilder builder;
    private final Process process;
    private final URI base;
    private final Path log;

    private RunningApplication(ProcessBuilder builder, Process process, URI base, Path log) {
        this.builder = builder;
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /**
     * The application's heap for every benchmark, plus {@code VITRINE_BENCH_APP_JAVA_OPTS} (space-separated) when set:
     * e.g. a flight recording ({@code -XX:StartFlightRecording=filename=/tmp/app.jfr}) to see where the time goes.
     */
    static List<String> jvmOptions() {
        List<String> jvm = new ArrayList<>(List.of("-Xms512m", "-Xmx1g"));
        String extra = System.getenv("VITRINE_BENCH_APP_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            jvm.addAll(List.of(extra.strip().split("\\s+")));
        }
        return jvm;
    }

    /** A new log file for the application of a {@code suite}'s run, told on the console. */
    static Path logFile(String suite) throws IOException {
        Path log = Files.createTempFile("vitrine-bench-" + suite + "-", ".log");
        System.out.println("[" + suite + "] starting the application (log " + log + ")");
        return log;
    }

    /** Starts the jar with {@code environment} (plus the port) and waits until {@code /health} answers 200. */
    static RunningApplication start(Path jar, List<String> jvmOptions, Map<String, String> environment, Path log) {
        return start(jar, jvmOptions, port -> environment, log);
    }

    /** As above, with an environment that may name the port (e.g. the application's own URL for a callback). */
    static RunningApplication start(Path jar, List<String> jvmOptions, IntFunction<Map<String, String>> environmentForPort,
                                    Path log) {
        int port = freePort();
        Map<String, String> environment = environmentForPort.apply(port);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        return launch(builder, URI.create("http://127.0.0.1:" + port), log);
    }

    private static RunningApplication launch(ProcessBuilder builder, URI base, Path log) {
        try {
            RunningApplication app = new RunningApplication(builder, builder.start(), base, log);
            app.awaitHealthy(Duration.ofMinutes(4));
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the process at once (SIGKILL: no shutdown hook, nothing flushed), as a power cut would. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The same application started again after {@link #kill()}: same command, environment and port; log appended. */
    RunningApplication restarted() {
        if (process.isAlive()) {
            throw new IllegalStateException("restart after kill()");
        }
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return launch(builder, base, log);
    }

    /** Whether {@code /health} answers 200 now. */
    boolean healthy() {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    URI base() {
        return base;
    }

    long pid() {
        return process.pid();
    }

    /** CPU time the application's process has used so far, all its threads. */
    Duration cpuTime() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue() + ": see " + log);
            }
            try {
                HttpResponse<Void> health = client.send(HttpRequest.newBuilder(base.resolve("/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        close();
        throw new IllegalStateException("the application did not become healthy in " + timeout + ": see " + log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines of the application's log, for an error message. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
