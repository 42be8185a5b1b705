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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The private dependencies of {@code ./vitrine bench faults} (testing.md: fault tests never stop the machine's own
 * services): a Redis, a MariaDB and an Elasticsearch node of the run, on free ports, each of which the drill can stop
 * (or kill) and start again on the same port with the same data. Everything lives under one temporary folder and is
 * stopped on {@link #close()}.
 */
final class FaultServices implements AutoCloseable {

    private final Path root;
    final Redis redis;
    final MariaDb mariaDb;
    final Elasticsearch elasticsearch;

    private FaultServices(Path root, Redis redis, MariaDb mariaDb, Elasticsearch elasticsearch) {
        this.root = root;
        this.redis = redis;
        this.mariaDb = mariaDb;
        this.elasticsearch = elasticsearch;
    }

    static FaultServices start(Path esNodeScript) throws Exception {
        Path root = Files.createTempDirectory("vitrine-faults-");
        Redis redis = new Redis(root.resolve("redis"), freePort());
        redis.start();
        MariaDb mariaDb = new MariaDb(root.resolve("mariadb"), freePort());
        mariaDb.install();
        mariaDb.start();
        Elasticsearch elasticsearch = new Elasticsearch(esNodeScript, root.resolve("es"));
        elasticsearch.firstStart();
        return new FaultServices(root, redis, mariaDb, elasticsearch);
    }

    Path root() {
        return root;
    }

    @Override
    public void close() {
        elasticsearch.stop();
        mariaDb.stop();
        redis.stop();
        try (java.util.stream.Stream<Path> files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException leftInTmp) {
            // a folder left in /tmp is harmless
        }
    }

    /** One process of ours: started by a command, stopped by SIGTERM (or SIGKILL), started again the same way. */
    abstract static class Service {
        private final String name;
        protected final Path dir;
        private Process process;

        Service(String name, Path dir) {
            this.name = name;
            this.dir = dir;
        }

        abstract List<String> command();

        abstract boolean answers();

        void start() {
            try {
                Files.createDirectories(dir);
                process = new ProcessBuilder(command()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".log").toFile())).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!answers()) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + ": see "
                            + dir.resolve(name + ".log"));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " did not answer in 120 s: see " + dir.resolve(name + ".log"));
                }
                RunningApplication.sleep(200);
            }
        }

        /** SIGTERM (a clean shutdown), or SIGKILL after 30 s. */
        void stop() {
            end(false);
        }

        /** SIGKILL: no shutdown, as a crash. */
        void kill() {
            end(true);
        }

        private void end(boolean force) {
            if (process == null || !process.isAlive()) {
                return;
            }
            try {
                if (force) {
                    process.destroyForcibly().waitFor();
                } else {
                    process.destroy();
                    if (!process.waitFor(30, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /** {@code redis-server --port P --save '' --appendonly no}: nothing survives a restart, as designed for its data. */
    static final class Redis extends Service {
        final int port;

        Redis(Path dir, int port) {
            super("redis", dir);
            this.port = port;
        }

        String uri() {
            return "redis://127.0.0.1:" + port;
        }

        @Override
        List<String> command() {
            return List.of("/usr/bin/redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", dir.toString());
        }

        @Override
        boolean answers() {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                socket.setSoTimeout(1000);
                socket.getOutputStream().write("PING\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                byte[] answer = new byte[7];
                return socket.getInputStream().read(answer) > 0 && new String(answer).startsWith("+PONG");
            } catch (IOException e) {
                return false;
            }
        }
    }

    /** A MariaDB of the run: its own data folder, port and socket, grant tables skipped (root, no password). */
    static final class MariaDb extends Service {
        final int port;

        MariaDb(Path dir, int port) {
            super("mariadb", dir);
            this.port = port;
        }

        String url() {
            return "jdbc:mysql://127.0.0.1:" + port;
        }

        void install() throws Exception {
            Files.createDirectories(dir.resolve("data"));
            Process install = new ProcessBuilder("/usr/bin/mariadb-install-db", "--no-defaults",
                    "--datadir=" + dir.resolve("data"), "--auth-root-authentication-method=normal", "--user=root",
                    "--skip-test-db").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(dir.resolve("install.log").toFile())).start();
            if (install.waitFor() != 0) {
                throw new IllegalStateException("mariadb-install-db failed: see " + dir.resolve("install.log"));
            }
        }

        @Override
        List<String> command() {
            return List.of("/usr/sbin/mariadbd", "--no-defaults", "--datadir=" + dir.resolve("data"),
                    "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + dir.resolve("mariadb.sock"),
                    "--pid-file=" + dir.resolve("mariadb.pid"), "--user=root", "--skip-grant-tables",
                    "--innodb-buffer-pool-size=256M", "--max-connections=300", "--skip-log-bin");
        }

        @Override
        boolean answers() {
            try (Connection connection = DriverManager.getConnection(url() + "/?useSSL=false&connectTimeout=1000",
                    "root", "")) {
                return connection.isValid(1);
            } catch (SQLException e) {
                return false;
            }
        }
    }

    /**
     * The Elasticsearch test node: first started by {@code tools/es-test-node/es-node.sh} (which lays out its folder),
     * then stopped by it and started again by the same command on the same port, keeping its data (the script itself
     * starts every node fresh).
     */
    static final class Elasticsearch extends Service {
        private final Path script;
        private int port;
        private boolean ours;

        Elasticsearch(Path script, Path dir) {
            super("elasticsearch", dir);
            this.script = script;
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        void firstStart() throws Exception {
            Process start = new ProcessBuilder(script.toString(), "start", dir.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String url = new String(start.getInputStream().readAllBytes()).strip();
            if (start.waitFor() != 0) {
                throw new IllegalStateException("es-node.sh start failed");
            }
            port = URI.create(url).getPort();
        }

        @Override
        void stop() {
            if (ours) {
                super.stop();
                return;
            }
            try {
                new ProcessBuilder(script.toString(), "stop", dir.toString()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        void start() {
            ours = true;
            super.start();
        }

        @Override
        List<String> command() {
            List<String> command = new ArrayList<>(List.of("java", "-Xmx512m", "-Xms512m",
                    "--module-path", dir.resolve("lib/server").toString(), "--add-modules", "ALL-MODULE-PATH",
                    "-cp", dir.resolve("lib/es-test-node.jar").toString(), "io.vitrine.tools.esnode.EsTestNode",
                    dir.resolve("home").toString(), dir.resolve("lib/plugin").toString(), Integer.toString(port)));
            return command;
        }

        @Override
        boolean answers() {
            try {
                HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(url() + "/_cluster/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                return health.statusCode() == 200 && !health.body().contains("\"red\"");
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
