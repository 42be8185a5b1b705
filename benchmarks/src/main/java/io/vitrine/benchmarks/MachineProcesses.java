package io.vitrine.benchmarks;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The processes a load test runs on one machine, by role: the application, the load generator (this JVM), and the
 * services, found by what they say of themselves — Elasticsearch's node info ({@code process.id}), Redis's
 * {@code INFO server} ({@code process_id}) — and MariaDB by its command name. A service not found is left out.
 */
final class MachineProcesses {

    static final String APPLICATION = "application";
    static final String GENERATOR = "load generator (this JVM)";
    static final String MACHINE = "whole machine (all processes)";

    private final Map<String, ProcessCpu> byRole = new LinkedHashMap<>();

    static MachineProcesses find(long appPid, String esUrl, String redisUri, HttpClient http) {
        MachineProcesses found = new MachineProcesses();
        found.byRole.put(APPLICATION, new ProcessCpu(appPid));
        ProcessCpu.named("mariadbd").or(() -> ProcessCpu.named("mysqld")).ifPresent(p -> found.byRole.put("MariaDB", p));
        elasticsearch(esUrl, http).ifPresent(p -> found.byRole.put("Elasticsearch", p));
        redis(redisUri).ifPresent(p -> found.byRole.put("Redis", p));
        found.byRole.put(GENERATOR, ProcessCpu.self());
        return found;
    }

    /** CPU seconds so far, by role, in the order above. */
    Map<String, Double> cpuSeconds() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        byRole.forEach((role, process) -> seconds.put(role, process.cpuSeconds()));
        seconds.put(MACHINE, ProcessCpu.machineBusySeconds());
        return seconds;
    }

    ProcessCpu application() {
        return byRole.get(APPLICATION);
    }

    private static Optional<ProcessCpu> elasticsearch(String esUrl, HttpClient http) {
        try {
            String body = http.send(HttpRequest.newBuilder(URI.create(esUrl.replaceAll("/+$", "")
                    + "/_nodes/_local/process?filter_path=nodes.*.process.id")).build(), HttpResponse.BodyHandlers.ofString()).body();
            return first(Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(body));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        }
    }

    private static Optional<ProcessCpu> redis(String uri) {
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return first(Pattern.compile("process_id:(\\d+)").matcher(connection.sync().info("server")));
        } catch (RuntimeException e) {
            return Optional.empty();
        } finally {
            client.shutdown();
        }
    }

    private static Optional<ProcessCpu> first(Matcher matcher) {
        return matcher.find() ? Optional.of(new ProcessCpu(Long.parseLong(matcher.group(1)))) : Optional.empty();
    }
}
