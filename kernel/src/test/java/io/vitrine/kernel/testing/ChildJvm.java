package io.vitrine.kernel.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the test classpath in a JVM of its own, for crash tests that need a process
 * to really die (Runtime.halt) in the middle of its work. Its output goes to target/{@code logName}.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** Runs {@code mainClass} with these system properties and arguments; answers its exit code. */
    public static int run(Class<?> mainClass, Map<String, String> systemProperties, String logName,
                          String... arguments) throws Exception {
        Path output = Files.createDirectories(Path.of("target")).resolve(logName);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path")));
        systemProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add(mainClass.getName());
        command.addAll(List.of(arguments));
        Process child = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!child.waitFor(3, TimeUnit.MINUTES)) { // a hang guard, not a timing assertion
            child.destroyForcibly();
            throw new AssertionError("the child JVM hung; see " + output.toAbsolutePath());
        }
        return child.exitValue();
    }
}
