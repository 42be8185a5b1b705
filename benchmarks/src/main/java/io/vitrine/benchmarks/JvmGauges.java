package io.vitrine.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Another JVM's heap and collector figures at one moment, from {@code jstat -gc <pid>} (sizes in KiB, times in seconds):
 * the heap in use (survivors, eden, old) and its capacity, collections so far (young, full, concurrent) and their total
 * time. All zero when jstat did not answer.
 */
record JvmGauges(double heapUsedMib, double heapCapacityMib, long collections, double gcSeconds) {

    static JvmGauges of(long pid) {
        Path jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");
        try {
            Process process = new ProcessBuilder(jstat.toString(), "-gc", Long.toString(pid)).redirectErrorStream(true).start();
            List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().lines().toList();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0 || lines.size() < 2) {
                return new JvmGauges(0, 0, 0, 0);
            }
            String[] names = lines.get(0).strip().split("\\s+");
            String[] values = lines.get(1).strip().split("\\s+");
            Map<String, Double> column = new HashMap<>();
            for (int i = 0; i < Math.min(names.length, values.length); i++) {
                column.put(names[i], values[i].equals("-") ? 0 : Double.parseDouble(values[i]));
            }
            double used = sum(column, "S0U", "S1U", "EU", "OU");
            double capacity = sum(column, "S0C", "S1C", "EC", "OC");
            return new JvmGauges(used / 1024, capacity / 1024, (long) sum(column, "YGC", "FGC", "CGC"),
                    column.getOrDefault("GCT", 0.0));
        } catch (IOException | RuntimeException e) {
            return new JvmGauges(0, 0, 0, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new JvmGauges(0, 0, 0, 0);
        }
    }

    private static double sum(Map<String, Double> column, String... names) {
        double total = 0;
        for (String name : names) {
            total += column.getOrDefault(name, 0.0);
        }
        return total;
    }
}
