package io.vitrine.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One process's CPU time and resident memory as Linux accounts them ({@code /proc/<pid>/stat} utime + stime, in clock
 * ticks of 1/100 s; {@code /proc/<pid>/status} VmRSS): for the application, the load generator itself and the services
 * on the same machine. A process that is gone, or a machine without {@code /proc}, reads as 0.
 */
record ProcessCpu(long pid) {

    private static final double TICKS_PER_SECOND = 100.0;

    /** This JVM: the load generator. */
    static ProcessCpu self() {
        return new ProcessCpu(ProcessHandle.current().pid());
    }

    /** The oldest process whose command name is {@code name} (e.g. {@code mariadbd}), if one runs. */
    static Optional<ProcessCpu> named(String name) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> read(p.resolve("comm")).strip().equals(name))
                    .map(p -> Long.parseLong(p.getFileName().toString())).sorted().findFirst().map(ProcessCpu::new);
        } catch (IOException | RuntimeException notLinux) {
            return Optional.empty();
        }
    }

    /** CPU seconds the whole machine has been busy so far, all cores and processes ({@code /proc/stat}, not idle or iowait). */
    static double machineBusySeconds() {
        String[] cpu = read(Path.of("/proc/stat")).lines().findFirst().orElse("cpu 0 0 0 0 0").strip().split("\\s+");
        long busy = 0;
        for (int i = 1; i < cpu.length && i <= 8; i++) {
            busy += i == 4 || i == 5 ? 0 : Long.parseLong(cpu[i]); // 4: idle, 5: iowait
        }
        return busy / TICKS_PER_SECOND;
    }

    /** CPU seconds used so far, all threads, user + system. */
    double cpuSeconds() {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        if (stat.isEmpty()) {
            return 0;
        }
        // the command name (field 2) may hold spaces: count the fields after its closing parenthesis
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /** Resident memory in MiB. */
    double rssMib() {
        return read(Path.of("/proc", Long.toString(pid), "status")).lines().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024.0).findFirst().orElse(0.0);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }
}
