package io.vitrine.kernel.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MariaDB of the test's own (its data folder, port and socket, grant tables skipped: root without a password), so an
 * outage test never stops the machine's MariaDB that other runs share (testing.md). {@link #kill()} is a crash
 * (SIGKILL); {@link #restart()} starts it again on the same port and data (InnoDB crash recovery).
 */
public final class PrivateMariaDbServer implements AutoCloseable {

    private final int port;
    private final Path dir;
    private Process process;

    private PrivateMariaDbServer(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    public static PrivateMariaDbServer start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path dir = Files.createTempDirectory("vitrine-private-mariadb");
        Files.createDirectories(dir.resolve("data"));
        Process install = new ProcessBuilder(List.of("mariadb-install-db", "--no-defaults",
                "--datadir=" + dir.resolve("data"), "--auth-root-authentication-method=normal", "--user=root",
                "--skip-test-db")).redirectErrorStream(true).redirectOutput(dir.resolve("install.log").toFile()).start();
        if (install.waitFor() != 0) {
            throw new AssertionError("mariadb-install-db failed: " + Files.readString(dir.resolve("install.log")));
        }
        PrivateMariaDbServer server = new PrivateMariaDbServer(port, dir);
        server.restart();
        return server;
    }

    /** The JDBC URL of the server (no database): {@code jdbc:mysql://127.0.0.1:<port>}. */
    public String url() {
        return "jdbc:mysql://127.0.0.1:" + port;
    }

    /** SIGKILL, as a crash; waits until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new AssertionError("private mariadbd on port " + port + " did not stop");
        }
    }

    /** Starts the server (again) on the same port and data, and waits until it listens. */
    public void restart() throws IOException, InterruptedException {
        process = new ProcessBuilder(List.of(mariadbd(), "--no-defaults", "--datadir=" + dir.resolve("data"),
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + dir.resolve("mariadb.sock"),
                "--pid-file=" + dir.resolve("mariadb.pid"), "--user=root", "--skip-grant-tables",
                "--innodb-buffer-pool-size=64M", "--skip-log-bin"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mariadbd.log").toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() - deadline < 0) {
            if (!process.isAlive()) {
                throw new AssertionError("private mariadbd exited: " + Files.readString(dir.resolve("mariadbd.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("private mariadbd did not listen on port " + port);
    }

    private static String mariadbd() {
        return Files.isExecutable(Path.of("/usr/sbin/mariadbd")) ? "/usr/sbin/mariadbd" : "mariadbd";
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException leftInTmp) {
            // harmless
        }
    }
}
