package io.vitrine.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where the application's threads are, sampled from outside: {@code jcmd <pid> Thread.print} every few seconds, each
 * thread put in one {@link #WHERE place} by the first frames that name it (waiting for a pooled database connection, in
 * a MariaDB call, waiting on Elasticsearch, on Redis, on the Alipay gateway, running our code, idle). Counted per
 * sample: how many of the application's threads were in each place, by pool, and the top frames of those at work.
 */
final class ThreadSampler {

    /** A place a thread can be, and the frame text that puts it there (first match, top frame down). */
    private record Place(String name, String frame) {
    }

    private static final List<Place> WHERE = List.of(
            new Place("waiting for a database connection (HikariCP pool)", "com.zaxxer.hikari.pool.HikariPool.getConnection"),
            new Place("in a MariaDB call (JDBC)", "com.mysql.cj."),
            new Place("waiting on Elasticsearch (REST client)", "org.elasticsearch.client.RestClient"),
            new Place("waiting on Redis (Lettuce)", "io.lettuce.core."),
            new Place("waiting on an outside HTTP service (Alipay gateway)", "jdk.internal.net.http."));
    private static final String RUNNING = "running (RUNNABLE, not in a wait)";
    private static final Pattern IDLE_TOP = Pattern.compile("sun\\.nio\\.ch\\.(EPoll|Net)|io\\.netty\\.channel\\.epoll\\.Native"
            + "|jdk\\.internal\\.misc\\.Unsafe\\.park|java\\.lang\\.Object\\.wait|java\\.lang\\.Thread\\.sleep"
            + "|java\\.lang\\.ref\\.Reference|sun\\.nio\\.ch\\.SocketDispatcher|java\\.net\\.Socket");

    /** One thread in one sample. */
    record Seen(String pool, String place, String state, String topFrame, String ourFrame) {
    }

    private final Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    private final long pid;
    private final List<List<Seen>> samples = new ArrayList<>();

    ThreadSampler(long pid) {
        this.pid = pid;
    }

    /** Takes one sample now; a failed {@code jcmd} is skipped (the report says how many samples were taken). */
    void sample() {
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.print")
                    .redirectErrorStream(true).start();
            String dump = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
                List<Seen> seen = parse(dump);
                synchronized (samples) {
                    samples.add(seen);
                }
            }
        } catch (IOException e) {
            // no jcmd answer this time
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int samples() {
        synchronized (samples) {
            return samples.size();
        }
    }

    static List<Seen> parse(String dump) {
        List<Seen> threads = new ArrayList<>();
        for (String block : dump.split("\n(?=\")")) {
            if (!block.startsWith("\"")) {
                continue;
            }
            String name = block.substring(1, block.indexOf('"', 1));
            List<String> frames = block.lines().map(String::strip).filter(l -> l.startsWith("at "))
                    .map(l -> l.substring(3)).toList();
            String state = block.lines().map(String::strip).filter(l -> l.startsWith("java.lang.Thread.State: "))
                    .map(l -> l.substring(24).split(" ")[0]).findFirst().orElse("?");
            if (frames.isEmpty()) {
                continue; // a VM thread: no Java frames
            }
            threads.add(new Seen(name.replaceAll("\\d+", "#"), place(state, frames), state, frames.get(0),
                    frames.stream().filter(f -> f.startsWith("io.vitrine.")).findFirst().orElse("")));
        }
        return threads;
    }

    private static String place(String state, List<String> frames) {
        boolean ours = frames.stream().anyMatch(f -> f.startsWith("io.vitrine."));
        for (String frame : frames) {
            for (Place place : WHERE) {
                if (frame.startsWith(place.frame())) {
                    return ours ? place.name() : "idle"; // a client's own housekeeping thread is not a request's wait
                }
            }
        }
        return state.equals("RUNNABLE") && !IDLE_TOP.matcher(frames.get(0)).find() ? RUNNING : "idle";
    }

    /** The markdown of what was sampled: threads per place, the busiest pools, the top frames of threads at work. */
    String report() {
        List<List<Seen>> taken;
        synchronized (samples) {
            taken = List.copyOf(samples);
        }
        if (taken.isEmpty()) {
            return "No thread sample could be taken (jcmd did not answer).\n";
        }
        List<Seen> busy = taken.stream().flatMap(List::stream).filter(s -> !s.place().equals("idle")).toList();
        StringBuilder out = new StringBuilder();
        out.append("| where the application's threads were (mean per sample, ").append(taken.size())
                .append(" samples) | threads |\n|---|---|\n");
        mean(busy.stream().collect(Collectors.groupingBy(Seen::place, Collectors.counting())), taken.size())
                .forEach((place, n) -> out.append("| ").append(place).append(" | ").append(n).append(" |\n"));
        out.append("\n| pool (busy threads, mean per sample) | threads |\n|---|---|\n");
        mean(busy.stream().collect(Collectors.groupingBy(Seen::pool, Collectors.counting())), taken.size()).entrySet()
                .stream().limit(8).forEach(e -> out.append("| `").append(e.getKey()).append("` | ").append(e.getValue()).append(" |\n"));
        out.append("\n| top frame of busy threads / our innermost frame | share of busy thread samples |\n|---|---|\n");
        busy.stream().collect(Collectors.groupingBy(s -> "`" + s.topFrame() + "`" + (s.ourFrame().isEmpty() ? ""
                        : " / `" + s.ourFrame() + "`"), Collectors.counting()))
                .entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .forEach(e -> out.append("| ").append(e.getKey()).append(" | ")
                        .append(String.format(java.util.Locale.ROOT, "%.0f%%", 100.0 * e.getValue() / busy.size())).append(" |\n"));
        return out.toString();
    }

    /** The place (or pool) whose threads were most numerous at work, or "nothing" when none were. */
    String busiestPlace() {
        List<List<Seen>> taken;
        synchronized (samples) {
            taken = List.copyOf(samples);
        }
        return taken.stream().flatMap(List::stream).filter(s -> !s.place().equals("idle"))
                .collect(Collectors.groupingBy(Seen::place, Collectors.counting())).entrySet().stream()
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("nothing");
    }

    private static Map<String, String> mean(Map<String, Long> counts, int samples) {
        Map<String, String> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(
                Map.Entry.comparingByKey(Comparator.naturalOrder()))).forEach(e -> out.put(e.getKey(),
                String.format(java.util.Locale.ROOT, "%.1f", (double) e.getValue() / samples)));
        return out;
    }
}
